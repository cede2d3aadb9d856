// Reads: audit_log, users.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '@sheber/common';
import { tableRowCount } from '@sheber/database/row-count';
import type { AuditEntryView } from './dto/audit-query.dto';

/** What the audit log may be narrowed by; `from` and `to` are days of the centre's calendar. */
export interface AuditLogFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

interface AuditLogRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string;
  changes: Record<string, unknown>;
  request_id: string | null;
}

/** The audit log as an admin reads it: each entry with the name of the user who made it. */
@Injectable()
export class AuditLogQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listAuditEntries(filter: AuditLogFilter, timeZone: string): Promise<Page<AuditEntryView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) =>
      where.push(sql(`$${params.push(value)}`));
    if (filter.entity) add((p) => `a.entity = ${p}`, filter.entity);
    if (filter.entityId) add((p) => `a.entity_id = ${p}`, filter.entityId);
    if (filter.actorId) add((p) => `a.actor_id = ${p}`, filter.actorId);
    if (filter.action) add((p) => `a.action = ${p}`, filter.action);
    // Whole days where the centre is, whatever the server's own time zone.
    if (filter.from || filter.to) params.push(timeZone);
    const zone = `$${params.length}`;
    if (filter.from)
      add((p) => `a.at >= (${p}::date)::timestamp AT TIME ZONE ${zone}`, filter.from);
    if (filter.to) add((p) => `a.at < (${p}::date + 1)::timestamp AT TIME ZONE ${zone}`, filter.to);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.dataSource.query<AuditLogRow[]>(
      `SELECT a.id, a.at, a.actor_id, u.full_name AS actor_name, a.actor_role, a.action,
              a.entity, a.entity_id, a.changes, a.request_id
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${condition}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    );
    const total = condition
      ? Number(
          (
            await this.dataSource.query<{ n: string }[]>(
              `SELECT count(*) AS n FROM audit_log a ${condition}`,
              params,
            )
          )[0]?.n ?? 0,
        )
      : await tableRowCount(this.dataSource, 'audit_log');
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        changes: row.changes,
        requestId: row.request_id,
      })),
      total,
    };
  }
}
