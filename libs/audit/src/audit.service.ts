import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Page } from '@sheber/common';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Field-by-field difference of two snapshots: `{ field: { from, to } }` for what changed. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
    }
  }
  return changes;
}

/**
 * The actor as the audit row's columns (actor_id, actor_role, request_id), for SQL that writes
 * its own audit row (database functions on hot paths).
 */
export function auditActor(actor: Actor): [string | null, string, string | null] {
  return [
    UUID.test(actor.id) ? actor.id : null,
    actor.id === 'system' ? 'system' : actor.role,
    actor.requestId ?? null,
  ];
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes one audit row through `manager`, i.e. inside the caller's transaction. Plain SQL: this
   * runs with every change, and TypeORM's insert builder costs more than the insert itself.
   */
  async record(manager: EntityManager, actor: Actor, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        ...auditActor(actor).slice(0, 2),
        entry.action,
        entry.entity,
        entry.entityId,
        JSON.stringify(entry.changes ?? {}),
        actor.requestId ?? null,
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
