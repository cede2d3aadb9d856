import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CertificateRecords } from '../../libs/certificates/src';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { EnrollmentClosingService } from '../../libs/training/src';
import { CERTIFICATE_QUEUE, certificateJobId, OutboxRelay } from '../../libs/queues/src';
import { activeEnrollmentsInGroups } from '../factories/certificates';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The outbox between a completion's commit and the certificate queue: the completion writes its
 * certificates and one outbox row together, and the relay queues each job once, however often and
 * however many relays run.
 */
describe('the outbox', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function certificateIdsOf(enrollmentIds: string[]): Promise<string[]> {
    const rows = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM certificates WHERE enrollment_id = ANY($1) ORDER BY id',
      [enrollmentIds],
    );
    return rows.map((r) => r.id);
  }

  async function queuedIds(queue: Queue, ids: string[]): Promise<string[]> {
    const jobs = await Promise.all(ids.map((id) => queue.getJob(certificateJobId(id))));
    return jobs.flatMap((job) => (job ? [job.data.certificateId as string] : []));
  }

  it('certificates written in a transaction that rolls back leave no outbox row; a commit leaves one', async () => {
    const [[rolledBack, committed]] = (await activeEnrollmentsInGroups(t, 2)) as [[string, string]];
    const outboxRows = async () =>
      (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox'))[0]!.n;
    const before = await outboxRows();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app
          .get(CertificateRecords)
          .writePendingCertificates(manager, [rolledBack], SYSTEM_ACTOR);
        throw new Error('something later in the transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(await certificateIdsOf([rolledBack])).toEqual([]);
    expect(await outboxRows()).toBe(before);

    await t.app.get(EnrollmentClosingService).completeEnrollment(SYSTEM_ACTOR, committed, {
      override: true,
      reason: 'outbox test',
    });
    expect(await outboxRows()).toBe(before + 1);
    const [row] = await t.dataSource.query<{ jobs: { data: { certificateId: string } }[] }[]>(
      'SELECT jobs FROM outbox ORDER BY id DESC LIMIT 1',
    );
    expect(row!.jobs.map((job) => job.data.certificateId)).toEqual(
      await certificateIdsOf([committed]),
    );
  });

  it('two relays at once queue each job once, and a row relayed again adds no second job', async () => {
    const groups = await activeEnrollmentsInGroups(t, 24);
    const completion = t.app.get(EnrollmentClosingService);
    await Promise.all(
      groups.map(async (ids) => {
        for (const id of ids) {
          await completion.completeEnrollment(SYSTEM_ACTOR, id, {
            override: true,
            reason: 'outbox test',
          });
        }
      }),
    );
    const ids = await certificateIdsOf(groups.flat());
    expect(ids).toHaveLength(24);
    const queue = t.app.get<Queue>(getQueueToken(CERTIFICATE_QUEUE));
    expect(await queuedIds(queue, ids)).toEqual([]);

    const relay = t.app.get(OutboxRelay);
    const [a, b] = await Promise.all([relay.relayPending(), relay.relayPending()]);
    // Earlier rows of this database (the first test) may be relayed too: at least ours, once.
    expect(a + b).toBeGreaterThanOrEqual(24);
    expect((await queuedIds(queue, ids)).sort()).toEqual([...ids].sort());
    const [unsent] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
    );
    expect(unsent!.n).toBe(0);
    expect(await relay.relayPending()).toBe(0);

    // A crash after queueing but before the mark: the rows are relayed again, the jobs stay one.
    const counts = await queue.getJobCounts('waiting', 'delayed', 'active');
    await t.dataSource.query(
      `UPDATE outbox SET sent_at = NULL
        WHERE jobs @> jsonb_build_array(jsonb_build_object('data', jsonb_build_object('certificateId', $1::text)))`,
      [ids[0]],
    );
    expect(await relay.relayPending()).toBeGreaterThanOrEqual(1);
    expect(await queue.getJobCounts('waiting', 'delayed', 'active')).toEqual(counts);
  });
});
