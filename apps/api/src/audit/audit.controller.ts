import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEntry, AuditQueryDto, AuditService } from '@sheber/audit';
import type { Page } from '@sheber/common';

/** The audit log; admin only (no @Roles: the guard's default). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Audit entries, newest first, optionally of one record or one user. */
  @Get()
  listAuditEntries(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.listAuditEntries(query);
  }
}
