import { Module } from '@nestjs/common';
import { AuditLogQueries } from './audit-log.queries';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  providers: [AuditRepository, AuditLogQueries, AuditService],
  exports: [AuditService, AuditRepository],
})
export class AuditModule {}
