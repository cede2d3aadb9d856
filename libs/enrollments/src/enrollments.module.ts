import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { GroupsModule } from '@sheber/groups';
import { EnrollmentsService } from './enrollments.service';

@Module({
  imports: [AuditModule, GroupsModule],
  providers: [EnrollmentsService],
  exports: [EnrollmentsService],
})
export class EnrollmentsModule {}
