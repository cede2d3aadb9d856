import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { GroupsModule } from '@sheber/groups';
import { EnrollmentEvents } from './enrollment-events';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [AuditModule, GroupsModule],
  providers: [EnrollmentsService, EnrollmentsRepository, EnrollmentEvents],
  exports: [EnrollmentsService, EnrollmentsRepository, EnrollmentEvents],
})
export class EnrollmentsModule {}
