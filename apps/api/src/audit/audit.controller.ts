import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEntryView, AuditQueryDto, AuditService } from '@sheber/audit';
import { ApiPageResponse, type Page } from '@sheber/common';

/** The audit log; admin only (no @Roles: the guard's default). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /**
   * Audit entries, newest first, each with the name of who made it; optionally of one record,
   * one user, one action, or a period of the centre's days.
   */
  @Get()
  @ApiPageResponse(AuditEntryView)
  listAuditEntries(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    return this.audit.listAuditEntries(query);
  }
}
