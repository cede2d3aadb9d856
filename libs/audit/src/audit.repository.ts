import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The columns of one audit row, in the order of its insert. */
export interface AuditRow {
  actorId: string | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  changes: Record<string, unknown>;
  requestId: string | null;
}

/** The only code that writes `audit_log`; the admin reads it through AuditLogQueries. */
@Injectable()
export class AuditRepository {
  /**
   * Writes one audit row through `manager`, i.e. inside the caller's transaction. Plain SQL: this
   * runs with every change, and TypeORM's insert builder costs more than the insert itself.
   */
  async insertAuditRow(manager: EntityManager, row: AuditRow): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.actorId,
        row.actorRole,
        row.action,
        row.entity,
        row.entityId,
        JSON.stringify(row.changes),
        row.requestId,
      ],
    );
  }
}
