import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  CERTIFICATE_QUEUE,
  DOCUMENT_QUEUE,
  type IssueCertificatePayload,
  type PrepareDocumentPayload,
  type QueuedJob,
} from './queues';
import { QueuesRepository } from './queues.repository';

/** Rows taken per round: a group's completion is one row of at most a few dozen jobs. */
const ROWS_PER_ROUND = 100;
/** How long the relay waits for Redis before it gives the rows back (a healthy Redis takes them at once). */
const REDIS_WAIT_MS = 5_000;

/**
 * Turns outbox rows into BullMQ jobs (docs/decisions/0011-outbox.md). The rows stay locked while
 * their jobs are queued and are marked sent in the same transaction: a crash before the mark
 * leaves them unsent, and queueing them again adds nothing, as every job has a deterministic id.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: QueuesRepository,
    @InjectQueue(CERTIFICATE_QUEUE) private readonly certificates: Queue<IssueCertificatePayload>,
    @InjectQueue(DOCUMENT_QUEUE) private readonly documents: Queue<PrepareDocumentPayload>,
  ) {}

  /** Queues what the outbox holds, round after round until it is empty; returns the jobs queued. */
  async relayPending(): Promise<number> {
    if (!(await this.repository.hasUnsent())) return 0;
    let total = 0;
    for (;;) {
      const queued = await this.relayRound();
      total += queued.jobs;
      if (queued.rows < ROWS_PER_ROUND) return total;
    }
  }

  private relayRound(): Promise<{ rows: number; jobs: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.repository.claimUnsent(manager, ROWS_PER_ROUND);
      if (rows.length === 0) return { rows: 0, jobs: 0 };
      const jobs = rows.flatMap((row) => row.jobs);
      await withinMs(this.queueJobs(jobs), REDIS_WAIT_MS);
      await this.repository.markSent(
        manager,
        rows.map((row) => row.id),
      );
      return { rows: rows.length, jobs: jobs.length };
    });
  }

  private async queueJobs(jobs: QueuedJob[]): Promise<void> {
    const certificates = [];
    const documents = [];
    for (const job of jobs) {
      if (job.queue === CERTIFICATE_QUEUE) {
        certificates.push({ name: job.name, data: job.data, opts: { jobId: job.jobId } });
      } else {
        documents.push({ name: job.name, data: job.data, opts: { jobId: job.jobId } });
      }
    }
    await Promise.all([
      certificates.length > 0 ? this.certificates.addBulk(certificates) : undefined,
      documents.length > 0 ? this.documents.addBulk(documents) : undefined,
    ]);
  }
}

/**
 * Redis away (its connection retries for ever and holds commands meanwhile) must not hold the
 * rows locked: the round fails and the rows stay unsent. A command Redis takes late adds jobs
 * whose ids the next round adds again, which does nothing.
 */
async function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not take the jobs within ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } catch (error) {
    work.catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
