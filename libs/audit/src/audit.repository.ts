import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '@sheber/common';
import { AuditEntry } from './entities/audit-entry.entity';

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

/** The only code that names `audit_log`. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  async listAuditEntries(filter: {
    entity?: string;
    entityId?: string;
    actorId?: string;
    limit: number;
    offset: number;
  }): Promise<Page<AuditEntry>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    const filtered = Boolean(filter.entity || filter.entityId || filter.actorId);
    const [items, total] = await Promise.all([
      query.getMany(),
      filtered ? query.getCount() : tableRowCount(this.dataSource, 'audit_log'),
    ]);
    return { items, total };
  }
}
