import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { GroupsModule } from '@sheber/groups';
import { EnrollmentEvents } from './enrollment-events';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [AuditModule, GroupsModule],
  providers: [EnrollmentsService, EnrollmentEvents],
  exports: [EnrollmentsService, EnrollmentEvents],
})
export class EnrollmentsModule {}
