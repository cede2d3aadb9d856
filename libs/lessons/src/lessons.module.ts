import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CertificateRecordsModule } from '@sheber/certificates';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { CompletionService } from './completion.service';
import { HolidaysService } from './holidays.service';
import { LessonsService } from './lessons.service';

@Module({
  imports: [AuditModule, GroupsModule, EnrollmentsModule, CertificateRecordsModule],
  providers: [LessonsService, HolidaysService, CompletionService],
  exports: [LessonsService, HolidaysService, CompletionService],
})
export class LessonsModule {}
