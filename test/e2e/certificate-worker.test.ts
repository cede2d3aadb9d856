import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, UnrecoverableError, Worker } from 'bullmq';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CertificateIssuer, CertificateRecords } from '../../libs/certificates/src';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { Environment } from '../../libs/config/src';
import { CERTIFICATE_QUEUE, certificateJobId, OutboxRelay } from '../../libs/queues/src';
import { createGroup, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { assertBuilt, BUILT, type RunningProcess, startProcess } from '../support/processes';
import { changedWhileWriting } from '../support/row-held';
import { createTestApp, type TestApp } from '../support/test-app';

/** The real worker process renders what the API queued, and the sweeper catches what was lost. */
describe('the certificate worker', () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'sheber-certificates-'));
  let t: TestApp;
  let staff: string;
  let admin: string;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    assertBuilt();
    t = await createTestApp({ CERTIFICATE_STORAGE_DIR: storage });
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await t.close();
  });

  function startWorker(env: Record<string, string> = {}): RunningProcess {
    const worker = startProcess(BUILT.worker, [], {
      REDIS_PREFIX: t.app.get(Environment).REDIS_PREFIX,
      CERTIFICATE_STORAGE_DIR: storage,
      LOG_LEVEL: 'warn',
      ...env,
    });
    workers.push(worker);
    return worker;
  }

  async function completedEnrollment(): Promise<string> {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource, {
      lastName: 'Нұрғалиева',
      firstName: 'Әйгерім',
    });
    const enrolled = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    const done = await t
      .http()
      .post(`/api/enrollments/${enrolled.body.id}/complete`)
      .set(bearer(admin))
      .send({ override: true, reason: 'worker test' });
    expect(done.status).toBe(200);
    return enrolled.body.id;
  }

  async function waitUntilIssued(enrollmentIds: string[], timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await t.dataSource.query<
        {
          status: string;
          number: string;
          file_key: string;
          sha256: string;
          verification_code: string;
        }[]
      >(
        'SELECT status, number, file_key, sha256, verification_code FROM certificates WHERE enrollment_id = ANY($1)',
        [enrollmentIds],
      );
      if (rows.length === enrollmentIds.length && rows.every((r) => r.status === 'issued'))
        return rows;
      if (Date.now() > deadline)
        throw new Error(`not issued in time: ${JSON.stringify(rows.map((r) => r.status))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A pending certificate of a new enrollment, written as a completion writes it, not queued. */
  async function pendingCertificate(): Promise<string> {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource);
    const enrolled = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    const [id] = (await t.dataSource.transaction((manager) =>
      t.app
        .get(CertificateRecords)
        .writePendingCertificates(manager, [enrolled.body.id], SYSTEM_ACTOR),
    )) as [string];
    return id;
  }

  // First, while no worker runs: nothing else may touch the certificate.
  it('issuing one certificate twice at once records it once', async () => {
    const id = await pendingCertificate();
    const issuer = t.app.get(CertificateIssuer);
    const outcomes = await Promise.all([issuer.issueCertificate(id), issuer.issueCertificate(id)]);
    expect(outcomes.sort()).toEqual(['issued', 'skipped']);
    expect(await issuer.issueCertificate(id)).toBe('skipped');
    // The run that was not recorded wrote into the same file, which stays: the one recorded.
    const [row] = await t.dataSource.query<{ file_key: string; sha256: string }[]>(
      'SELECT file_key, sha256 FROM certificates WHERE id = $1',
      [id],
    );
    const pdf = readFileSync(path.join(storage, row!.file_key));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row!.sha256);
  });

  it('a render overtaken by a revocation leaves no file behind', async () => {
    const id = await pendingCertificate();
    const [{ number }] = await t.dataSource.query<[{ number: string }]>(
      'SELECT number FROM certificates WHERE id = $1',
      [id],
    );
    const file = path.join(storage, number.slice(4, 8), `${number}.pdf`);
    // A revocation holds the row while the render runs (as a group reopened by an admin would):
    // the render writes its file, then finds the certificate no longer pending.
    const outcome = await changedWhileWriting(
      t.dataSource,
      { table: 'certificates', id },
      file,
      `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoke_reason = 'test'
        WHERE id = $1`,
      () => t.app.get(CertificateIssuer).issueCertificate(id),
    );
    expect(outcome).toBe('skipped');
    expect(existsSync(file)).toBe(false);
    const [row] = await t.dataSource.query<{ status: string; file_key: string | null }[]>(
      'SELECT status, file_key FROM certificates WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'revoked', file_key: null });
  });

  // Still before any worker runs: the job must fail here, in a worker of the test's own.
  it('a failed certificate re-queued through its group is issued by the worker', async () => {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource);
    const enrolled = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    await t
      .http()
      .post(`/api/enrollments/${enrolled.body.id}/complete`)
      .set(bearer(admin))
      .send({ override: true, reason: 'worker test' });
    const [certificate] = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM certificates WHERE enrollment_id = $1',
      [enrolled.body.id],
    );
    const id = certificate!.id;
    // No worker runs yet: the test relays the outbox itself, as the worker would.
    await t.app.get(OutboxRelay).relayPending();
    // The job fails for good (as after its last attempt) and BullMQ keeps it under its job id;
    // the processor's handler then marks the certificate failed.
    const queue = t.app.get<Queue>(getQueueToken(CERTIFICATE_QUEUE));
    const failing = new Worker(
      CERTIFICATE_QUEUE,
      () => Promise.reject(new UnrecoverableError('storage unavailable')),
      { connection: queue.opts.connection, prefix: queue.opts.prefix },
    );
    const jobId = certificateJobId(id);
    const deadline = Date.now() + 10_000;
    while ((await queue.getJobState(jobId)) !== 'failed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await failing.close();
    expect(await queue.getJobState(jobId)).toBe('failed');
    await t.app.get(CertificateIssuer).markFailed(id, 'storage unavailable');
    const before = await t.http().get(`/api/groups/${group.id}`).set(bearer(staff));
    expect(before.body.certificates).toMatchObject({ failed: 1, issued: 0 });

    const requeued = await t
      .http()
      .post(`/api/groups/${group.id}/certificates`)
      .set(bearer(staff))
      .send();
    expect(requeued.body).toMatchObject({ created: 0, retried: 1, queued: 1 });
    // Adding under an id that a failed job holds does nothing: the old job had to go first.
    expect(await queue.getJobState(jobId)).toBe('waiting');

    startWorker(); // the sweeper waits a minute: only the re-queued job can issue it in time
    await waitUntilIssued([enrolled.body.id]);
    const after = await t.http().get(`/api/groups/${group.id}`).set(bearer(staff));
    expect(after.body.certificates).toEqual({ issued: 1, pending: 0, failed: 0, revoked: 0 });
  });

  it('issues every certificate the API wrote, storing the PDF and its SHA-256', async () => {
    const enrollments = await Promise.all(Array.from({ length: 5 }, completedEnrollment));
    startWorker();
    const issued = await waitUntilIssued(enrollments);
    for (const certificate of issued) {
      const pdf = readFileSync(path.join(storage, certificate.file_key));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(certificate.sha256);
      const verified = await t
        .http()
        .get(`/api/public/certificates/${certificate.verification_code}`);
      expect(verified.body).toMatchObject({
        valid: true,
        status: 'issued',
        number: certificate.number,
        holder: 'Нұрғалиева Әйгерім',
      });
    }
    // The worker opened its connections with its own settings (WorkerModule): they carry its
    // name; what the settings do is tested in test/integration/data-source-options.test.ts.
    const names = await t.dataSource.query<{ application_name: string }[]>(
      `SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = current_database()`,
    );
    expect(names.map((n) => n.application_name)).toContain('sheber-worker');
  });

  it('the sweeper issues a certificate whose job was lost from the queue, and clears abandoned writes', async () => {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource);
    const enrolled = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    // A pending certificate whose outbox row was relayed but whose job Redis then lost.
    await t.dataSource.transaction((manager) =>
      t.app
        .get(CertificateRecords)
        .writePendingCertificates(manager, [enrolled.body.id], SYSTEM_ACTOR),
    );
    await t.dataSource.query('UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL');
    await t.dataSource.query(
      `UPDATE certificates SET updated_at = now() - interval '1 hour' WHERE enrollment_id = $1`,
      [enrolled.body.id],
    );
    // A write a killed worker left two hours ago, and one that a live worker may be making now.
    mkdirSync(path.join(storage, 'abandoned'), { recursive: true });
    const abandoned = path.join(storage, 'abandoned', 'SHB-2000-00001.pdf.1.1.tmp');
    const recent = path.join(storage, 'abandoned', 'SHB-2000-00002.pdf.1.2.tmp');
    writeFileSync(abandoned, 'half a pdf');
    writeFileSync(recent, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    startWorker({
      CERTIFICATE_REQUEUE_AFTER_SECONDS: '1',
      CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
    });
    await waitUntilIssued([enrolled.body.id]);
    while (existsSync(abandoned)) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(recent)).toBe(true);
  });
});
