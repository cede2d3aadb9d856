import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, Page } from '@sheber/common';
import { Environment } from '@sheber/config';
import { type AuditLogFilter, AuditLogQueries } from './audit-log.queries';
import { AuditRepository } from './audit.repository';
import type { AuditEntryView } from './dto/audit-query.dto';

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
  constructor(
    private readonly repository: AuditRepository,
    private readonly log: AuditLogQueries,
    private readonly env: Environment,
  ) {}

  /** Writes one audit row through `manager`, i.e. inside the caller's transaction. */
  async record(manager: EntityManager, actor: Actor, entry: AuditRecord): Promise<void> {
    const [actorId, actorRole] = auditActor(actor);
    await this.repository.insertAuditRow(manager, {
      actorId,
      actorRole,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: entry.changes ?? {},
      requestId: actor.requestId ?? null,
    });
  }

  /** Entries newest first, each with the name of who made it; the period in the centre's days. */
  async listAuditEntries(filter: AuditLogFilter): Promise<Page<AuditEntryView>> {
    return this.log.listAuditEntries(filter, this.env.CENTRE_TIMEZONE);
  }
}
