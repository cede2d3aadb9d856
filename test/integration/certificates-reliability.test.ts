import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Environment } from '../../libs/config/src';
import { OutboxRelay } from '../../libs/queues/src';
import { waitForRedis } from '../../libs/redis/src';
import { activeEnrollmentsInGroups, completeEnrollments } from '../factories/certificates';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
} from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';
import { privateDatabase } from '../support/test-databases';

const BATCH = 200;

interface IssuedRow {
  id: string;
  status: string;
  number: string;
  file_key: string | null;
  sha256: string | null;
}

/**
 * Certificates survive what happens to real processes: a batch issued in full with gapless
 * numbers, a worker killed mid-batch, a flushed Redis, two workers at once. The API side runs in
 * this process (real services on this jest worker's database); the workers are the built ones.
 */
describe('certificate issuing under failure', () => {
  let t: TestApp | undefined;
  let workers: RunningProcess[] = [];
  let redisServer: ChildProcess | undefined;
  // A database of this file's own: the workers take every pending certificate of the database
  // they serve, and on the jest worker's database earlier files leave many queued before these.
  let database: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    database = await privateDatabase('reliability');
  });
  afterAll(async () => {
    await database?.drop();
  });

  afterEach(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    workers = [];
    await t?.close();
    t = undefined;
    if (redisServer) {
      const exited = new Promise((resolve) => redisServer!.once('exit', resolve));
      redisServer.kill('SIGTERM');
      await exited;
      redisServer = undefined;
    }
  });

  async function setUp(env: Record<string, string> = {}) {
    assertBuilt();
    const storage = mkdtempSync(path.join(tmpdir(), 'sheber-reliability-'));
    t = await createTestApp({
      CERTIFICATE_STORAGE_DIR: storage,
      DATABASE_URL: database!.url,
      ...env,
    });
    const app = t;
    const startWorker = (extra: Record<string, string> = {}): RunningProcess => {
      const worker = startProcess(BUILT.worker, [], {
        REDIS_PREFIX: app.app.get(Environment).REDIS_PREFIX,
        DATABASE_URL: database!.url,
        CERTIFICATE_STORAGE_DIR: storage,
        ...env,
        ...extra,
      });
      workers.push(worker);
      return worker;
    };
    return { t: app, storage, startWorker };
  }

  /**
   * The render lines a worker wrote for these certificates: one JSON line per PDF rendered. The
   * sweeper may also issue certificates left pending by earlier test files on this database.
   */
  function rendersOf(
    worker: RunningProcess,
    rows: IssuedRow[],
  ): { certificateId: string; outcome: string }[] {
    const ids = new Set(rows.map((r) => r.id));
    return worker
      .output()
      .split('\n')
      .filter((line) => line.includes('"certificate rendered"'))
      .map((line) => JSON.parse(line) as { certificateId: string; outcome: string })
      .filter((render) => ids.has(render.certificateId));
  }

  function certificatesOf(app: TestApp, enrollmentIds: string[]): Promise<IssuedRow[]> {
    return app.dataSource.query<IssuedRow[]>(
      `SELECT id, status, number, file_key, sha256 FROM certificates
        WHERE enrollment_id = ANY($1) ORDER BY number`,
      [enrollmentIds],
    );
  }

  async function waitUntilIssued(
    app: TestApp,
    enrollmentIds: string[],
    timeoutMs = 45_000,
  ): Promise<IssuedRow[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await certificatesOf(app, enrollmentIds);
      const issued = rows.filter((r) => r.status === 'issued').length;
      if (rows.length === enrollmentIds.length && issued === rows.length) return rows;
      if (Date.now() > deadline)
        throw new Error(`${issued} of ${enrollmentIds.length} issued in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function countIssued(app: TestApp, enrollmentIds: string[]): Promise<number> {
    const [row] = await app.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM certificates WHERE enrollment_id = ANY($1) AND status = 'issued'`,
      [enrollmentIds],
    );
    return row!.n;
  }

  /**
   * One file per certificate, named by its number, whose SHA-256 is the one recorded; and no file
   * in the test's storage that no issued certificate (or prepared document) claims.
   */
  async function expectOneFileEach(app: TestApp, storage: string, rows: IssuedRow[]) {
    // A worker also takes the certificates and documents that earlier test files left pending
    // on this database: a file is written a moment before its row says so. Wait for such work to
    // finish (bounded), so that only a file nothing will ever claim fails the check.
    const deadline = Date.now() + 15_000;
    let files: string[];
    let unclaimed: { file: string; status: string | null }[];
    for (;;) {
      files = readdirSync(storage, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.pdf'),
      );
      const claimed = await app.dataSource.query<{ file_key: string }[]>(
        `SELECT file_key FROM certificates WHERE status = 'issued' AND file_key = ANY($1)
         UNION ALL
         SELECT file_key FROM documents WHERE status = 'ready' AND file_key = ANY($1)`,
        [files],
      );
      // Each unclaimed file with what the database says of its number, so a failure tells why.
      const claimedKeys = new Set(claimed.map((row) => row.file_key));
      unclaimed = await app.dataSource.query<{ file: string; status: string | null }[]>(
        `SELECT f.file, coalesce(c.status, d.status) AS status FROM unnest($1::text[]) AS f(file)
           LEFT JOIN certificates c ON c.number = substring(f.file FROM 'SHB-[0-9]{4}-[0-9]+')
           LEFT JOIN documents d ON 'documents/' || d.id || '.pdf' = f.file`,
        [files.filter((file) => !claimedKeys.has(file))],
      );
      if (unclaimed.length === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(files).toEqual(expect.arrayContaining(rows.map((r) => r.file_key)));
    expect(unclaimed).toEqual([]);
    for (const row of rows) {
      const pdf = readFileSync(path.join(storage, row.file_key!));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.sha256);
      expect(row.file_key).toBe(`${row.number.slice(4, 8)}/${row.number}.pdf`);
    }
  }

  function sequence(number: string): number {
    return Number(number.slice(9));
  }

  it(`a batch of ${BATCH} completions gives ${BATCH} issued certificates with consecutive numbers`, async () => {
    const { t, storage, startWorker } = await setUp();
    const worker = startWorker({ LOG_LEVEL: 'info' });
    await worker.waitForOutput(/Worker ready/);
    const groups = await activeEnrollmentsInGroups(t, BATCH);
    await completeEnrollments(t, groups);
    const rows = await waitUntilIssued(t, groups.flat());

    expect(rows).toHaveLength(BATCH);
    const numbers = rows.map((r) => sequence(r.number)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(BATCH);
    expect(numbers[BATCH - 1]! - numbers[0]!).toBe(BATCH - 1);
    // The year's counter stands at the last number given: nothing was taken and dropped.
    const [counter] = await t.dataSource.query<{ last_number: number }[]>(
      'SELECT last_number FROM certificate_counters WHERE year = $1',
      [Number(rows[0]!.number.slice(4, 8))],
    );
    expect(counter!.last_number).toBe(numbers[BATCH - 1]);
    await expectOneFileEach(t, storage, rows);
    const renders = rendersOf(worker, rows);
    expect(renders).toHaveLength(BATCH);
    expect(new Set(renders.map((r) => r.certificateId))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('completions committed while Redis was unreachable are issued once a worker relays the outbox', async () => {
    // The API side has no Redis at all: as if it died between its commit and any queueing.
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const { t, storage, startWorker } = await setUp({ REDIS_URL: deadRedis });
    const groups = await activeEnrollmentsInGroups(t, 40);
    await completeEnrollments(t, groups);
    const enrollmentIds = groups.flat();
    expect(await countIssued(t, enrollmentIds)).toBe(0);
    const worker = startWorker({
      LOG_LEVEL: 'info',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    const rows = await waitUntilIssued(t, enrollmentIds);
    await expectOneFileEach(t, storage, rows);
    expect(rendersOf(worker, rows).filter((r) => r.outcome === 'issued')).toHaveLength(40);
    const [unsent] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
    );
    expect(unsent!.n).toBe(0);
  });

  it('a worker killed with SIGKILL mid-batch and started again leaves every certificate issued once', async () => {
    const { t, storage, startWorker } = await setUp();
    const groups = await activeEnrollmentsInGroups(t, BATCH);
    await completeEnrollments(t, groups);
    const enrollmentIds = groups.flat();

    const first = startWorker({ LOG_LEVEL: 'info' });
    // Killed once it has issued one of these (its first render may be of a certificate that an
    // earlier test file left pending on this database).
    const deadline = Date.now() + 45_000;
    while ((await countIssued(t, enrollmentIds)) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const issuedAtKill = await countIssued(t, enrollmentIds);
    expect(issuedAtKill).toBeGreaterThan(0);
    expect(issuedAtKill).toBeLessThan(BATCH);

    // Jobs the dead worker held come back when their lock expires (stalled); the sweeper takes
    // whatever else stays pending.
    const second = startWorker({
      LOG_LEVEL: 'info',
      CERTIFICATE_REQUEUE_AFTER_SECONDS: '3',
      CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
    });
    const rows = await waitUntilIssued(t, enrollmentIds);
    expect(rows).toHaveLength(BATCH);
    await expectOneFileEach(t, storage, rows);

    // Recorded once: at most one "issued" per certificate; a render the kill cut short (at most
    // the worker's concurrency of 4) is done again into the same file.
    const renders = [...rendersOf(first, rows), ...rendersOf(second, rows)];
    const issuedLines = new Map<string, number>();
    for (const r of renders.filter((r) => r.outcome === 'issued'))
      issuedLines.set(r.certificateId, (issuedLines.get(r.certificateId) ?? 0) + 1);
    expect([...issuedLines.values()].every((n) => n === 1)).toBe(true);
    expect(BATCH - issuedLines.size).toBeLessThanOrEqual(4);
    const perCertificate = new Map<string, number>();
    for (const r of renders)
      perCertificate.set(r.certificateId, (perCertificate.get(r.certificateId) ?? 0) + 1);
    expect([...perCertificate.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(4);
  });

  it('a Redis emptied with FLUSHALL mid-batch still ends with every certificate issued, through the sweeper', async () => {
    // A Redis of this test's own: FLUSHALL must never reach the shared one.
    const port = await freePort();
    redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const redisUrl = `redis://127.0.0.1:${port}`;
    const admin = new Redis(redisUrl, { retryStrategy: () => 100 });
    try {
      await waitForRedis(admin, 10_000);
      const { t, storage, startWorker } = await setUp({ REDIS_URL: redisUrl });
      const groups = await activeEnrollmentsInGroups(t, BATCH);
      await completeEnrollments(t, groups);
      const enrollmentIds = groups.flat();
      // The whole batch queued before a worker renders any (a worker running during the
      // completions keeps pace with them, and a flush would find nothing waiting to lose).
      expect(await t.app.get(OutboxRelay).relayPending()).toBeGreaterThanOrEqual(BATCH);
      const worker = startWorker({
        LOG_LEVEL: 'info',
        CERTIFICATE_REQUEUE_AFTER_SECONDS: '2',
        CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
      });
      // Flushed once one of these is issued: mid-batch, whatever else the worker renders first.
      const deadline = Date.now() + 45_000;
      while ((await countIssued(t, enrollmentIds)) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await admin.flushall();
      const issuedAtFlush = await countIssued(t, enrollmentIds);
      expect(issuedAtFlush).toBeLessThan(BATCH);

      const rows = await waitUntilIssued(t, enrollmentIds);
      await expectOneFileEach(t, storage, rows);
      const issuedLines = rendersOf(worker, rows).filter((r) => r.outcome === 'issued');
      expect(new Set(issuedLines.map((r) => r.certificateId)).size).toBe(issuedLines.length);
      expect(worker.output()).toMatch(/Queued \d+ pending certificate\(s\) again/);
    } finally {
      admin.disconnect();
    }
  });

  it('two workers at once never render one certificate twice', async () => {
    const { t, storage, startWorker } = await setUp();
    // An eager sweeper in both, so that re-queues race the running jobs.
    const env = {
      LOG_LEVEL: 'info',
      CERTIFICATE_REQUEUE_AFTER_SECONDS: '1',
      CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
    };
    const a = startWorker(env);
    const b = startWorker(env);
    await Promise.all([a.waitForOutput(/Worker ready/), b.waitForOutput(/Worker ready/)]);
    const groups = await activeEnrollmentsInGroups(t, BATCH);
    await completeEnrollments(t, groups);
    const rows = await waitUntilIssued(t, groups.flat());
    await expectOneFileEach(t, storage, rows);

    const fromA = rendersOf(a, rows);
    const fromB = rendersOf(b, rows);
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromB.length).toBeGreaterThan(0);
    const rendered = [...fromA, ...fromB].map((r) => r.certificateId);
    expect(rendered).toHaveLength(BATCH);
    expect(new Set(rendered)).toEqual(new Set(rows.map((r) => r.id)));
  });
});
