import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { TraineesModule } from '@sheber/trainees';
import { CompletionService } from './completion.service';
import { HolidaysService } from './holidays.service';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';

@Module({
  imports: [AuditModule, GroupsModule, EnrollmentsModule, TraineesModule],
  providers: [LessonsService, HolidaysService, CompletionService, LessonsRepository],
  exports: [LessonsService, HolidaysService, CompletionService, LessonsRepository],
})
export class LessonsModule {}
