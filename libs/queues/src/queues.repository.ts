import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import type { QueuedJob } from './queues';

/** The outbox: jobs written with the change that calls for them, queued by the relay later. */
@Injectable()
export class QueuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the caller's transaction: the jobs are queued only if it commits. */
  async addToOutbox(manager: EntityManager, jobs: QueuedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await sqlRows(manager, 'INSERT INTO outbox (jobs) VALUES ($1::jsonb)', [JSON.stringify(jobs)]);
  }

  /** One indexed probe, outside any transaction: the relay's poll when there is nothing to do. */
  async hasUnsent(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ found: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL) AS found',
    );
    return row?.found ?? false;
  }

  /**
   * The oldest unsent rows, locked until the caller's transaction ends; rows another relay holds
   * are skipped, so two relays at once never take the same row.
   */
  claimUnsent(manager: EntityManager, limit: number): Promise<{ id: string; jobs: QueuedJob[] }[]> {
    return sqlRows(
      manager,
      `SELECT id, jobs FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(manager: EntityManager, ids: string[]): Promise<void> {
    await sqlRows(manager, 'UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  /** Rows sent longer ago than `hours`: kept a while to show what was queued, then removed. */
  async removeSentBefore(hours: number): Promise<number> {
    const rows = await sqlRows<{ id: string }>(
      this.dataSource,
      `DELETE FROM outbox WHERE sent_at < now() - make_interval(hours => $1) RETURNING id`,
      [hours],
    );
    return rows.length;
  }
}
