import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { GroupsModule } from '@sheber/groups';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [AuditModule, GroupsModule],
  providers: [EnrollmentsService, EnrollmentsRepository],
  exports: [EnrollmentsService, EnrollmentsRepository],
})
export class EnrollmentsModule {}
