import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { assertBuilt, type RunningProcess } from '../support/processes';
import {
  type FaultEnvironment,
  newStorageDir,
  PrivatePostgres,
  PrivateRedis,
  startApi,
  startWorker,
  stopProcess,
} from './cluster';
import { type Answer, call, callOnOwnConnection, inParallel, sleep } from './http';

/**
 * "No request can hurt it": the built API and worker, two of each, on a private PostgreSQL cluster
 * and a private Redis that the tests stop, kill and restart under load. FAULTS_SHORT=1 (what
 * `npm test` sets) runs one round of each scenario with smaller batches; `npm run test:faults`
 * runs the full suite. The figures are printed at the end (docs/RELIABILITY.md).
 */
const SHORT = process.env.FAULTS_SHORT === '1';
const ENROLLMENT_ROUNDS = SHORT ? 1 : 5;
const ENROLLMENTS_PER_ROUND = 400;
const GROUPS_PER_ROUND = 25;
const REDIS_BATCH = SHORT ? 80 : 300;
const KILL_BATCH = SHORT ? 120 : 300;
const TERM_BATCH = SHORT ? 40 : 120;

/** How many tests the file has (below). */
const TESTS = 7;

const figures: [string, string][] = [];
function figure(name: string, value: string | number): void {
  figures.push([name, String(value)]);
}

interface Api {
  process: RunningProcess;
  base: string;
}

describe(`faults (${SHORT ? 'short' : 'full'} run)`, () => {
  const pgServer = new PrivatePostgres();
  const redis = new PrivateRedis();
  const storage = newStorageDir();
  let fault: FaultEnvironment;
  let db: DataSource;
  let apis: Api[] = [];
  let workers: RunningProcess[] = [];
  /** Every worker ever started, killed ones included: their render lines count too. */
  const everyWorker: RunningProcess[] = [];
  const extraProcesses: RunningProcess[] = [];
  const extraRedis: PrivateRedis[] = [];
  let token = '';
  let adminEmail = '';
  /** Tests that got to their end: the logs of the processes are kept only when one did not. */
  let finished = 0;
  let courseId = '';

  const everyApi: RunningProcess[] = [];
  async function launchApi(extra: Record<string, string> = {}): Promise<Api> {
    const started = await startApi(fault, extra);
    everyApi.push(started.process);
    return started;
  }

  async function launchWorker(extra: Record<string, string> = {}): Promise<RunningProcess> {
    const worker = await startWorker(fault, extra);
    everyWorker.push(worker);
    return worker;
  }

  beforeAll(async () => {
    assertBuilt();
    const started = Date.now();
    await pgServer.init();
    pgServer.migrate();
    await redis.start();
    fault = {
      pg: pgServer,
      redis,
      storage,
      env: {
        DATABASE_URL: pgServer.url(),
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'faults',
        CERTIFICATE_STORAGE_DIR: storage,
        // A short sweeper: certificates whose job Redis lost are queued again within seconds.
        CERTIFICATE_REQUEUE_AFTER_SECONDS: '3',
        CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
        LOG_LEVEL: 'info',
      },
    };
    db = new DataSource(dataSourceOptions({ url: pgServer.url(), poolSize: 5 }));
    await db.initialize();
    apis = await Promise.all([launchApi(), launchApi()]);
    workers = await Promise.all([launchWorker(), launchWorker()]);
    const admin = await createUser(db, 'admin');
    adminEmail = admin.email;
    const login = await call(apis[0]!.base, 'POST', '/api/auth/login', undefined, {
      email: admin.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    token = (login.body as { accessToken: string }).accessToken;
    courseId = (await createCourse(db)).id;
    figure('set-up: cluster, migrations, 2 APIs and 2 workers (s)', secs(Date.now() - started));
  }, 180_000);

  afterAll(async () => {
    const all = [...new Set([...everyApi, ...everyWorker, ...extraProcesses])];
    await Promise.all(all.map((p) => stopProcess(p, 5_000)));
    // After a failure, each process's log to read (personal data never reaches these logs).
    let logs = 'not kept, every test passed';
    if (finished < TESTS) {
      logs = mkdtempSync(path.join(tmpdir(), 'sheber-faults-logs-'));
      for (const [i, p] of all.entries()) {
        writeFileSync(path.join(logs, `process-${i}-${p.child.pid}.log`), p.output());
      }
    }
    await db?.destroy().catch(() => undefined);
    await redis.kill();
    await Promise.all(extraRedis.map((r) => r.kill()));
    pgServer.remove();
    rmSync(storage, { recursive: true, force: true });
    const width = Math.max(...figures.map(([name]) => name.length));
    process.stdout.write(
      `\nFault suite figures (${SHORT ? 'short' : 'full'} run)\n` +
        figures.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n') +
        `\n  logs of the processes: ${logs}\n`,
    );
  }, 60_000);

  const secs = (ms: number): string => (ms / 1000).toFixed(1);
  /** "ECONNREFUSED 12, 503 3": how the answers that were not 201 went. */
  const refusals = (answers: Answer[]): string => {
    const counts = new Map<string, number>();
    for (const a of answers.filter((r) => r.status !== 201)) {
      const key = a.status === 0 ? (a.error ?? 'no answer') : String(a.status);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n]) => `${key} ${n}`).join(', ') || 'none';
  };
  const api = (i: number): Api => apis[i % apis.length]!;

  async function openGroups(count: number, status: 'open' | 'in_progress'): Promise<string[]> {
    const groups = [];
    for (let i = 0; i < count; i += 1) groups.push(await createGroup(db, { courseId, status }));
    return groups.map((g) => g.id);
  }

  async function traineeIds(count: number): Promise<string[]> {
    return inParallel(Array.from({ length: count }), 5, async (_, i) => {
      return (await createTrainee(db, { firstName: `Fault ${i}` })).id;
    });
  }

  /** Seats and waitlist of each group, read straight from the database. */
  async function expectGroupsConsistent(groupIds: string[]): Promise<void> {
    const rows = await db.query<
      {
        id: string;
        capacity: number;
        active_count: number;
        waitlist_count: number;
        active: number;
        positions: number[] | null;
      }[]
    >(
      `SELECT g.id, g.capacity, g.active_count, g.waitlist_count,
              count(*) FILTER (WHERE e.status = 'active')::int AS active,
              array_agg(e.waitlist_position ORDER BY e.waitlist_position)
                FILTER (WHERE e.status = 'waitlisted') AS positions
         FROM groups g LEFT JOIN enrollments e ON e.group_id = g.id
        WHERE g.id = ANY($1) GROUP BY g.id`,
      [groupIds],
    );
    expect(rows).toHaveLength(groupIds.length);
    for (const row of rows) {
      const positions = row.positions ?? [];
      expect(row.active).toBeLessThanOrEqual(row.capacity);
      expect(row.active).toBe(row.active_count);
      expect(positions).toEqual(positions.map((_, i) => i + 1));
      expect(positions.length).toBe(row.waitlist_count);
    }
  }

  /** No answer but 2xx-4xx and 503: a 500 is shown with the API's log line for its request. */
  function expectNoServerErrorsBut503(answers: Answer[]): void {
    const bad = answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503));
    const explained = bad.map((a) => {
      const requestId = (a.body as { requestId?: string } | null)?.requestId;
      const logged = requestId
        ? everyApi
            .flatMap((p) => p.output().split('\n'))
            .find((line) => line.includes(requestId) && line.includes('"level":50'))
        : undefined;
      return `${a.status} ${a.error ?? JSON.stringify(a.body)}${logged ? ` — ${logged}` : ''}`;
    });
    expect(explained).toEqual([]);
  }

  // --- certificates -------------------------------------------------------------------------

  /** `count` active enrollments in running groups of 8, enrolled through both APIs. */
  async function activeEnrollments(count: number): Promise<string[]> {
    const groups = await openGroups(Math.ceil(count / 8), 'in_progress');
    const trainees = await traineeIds(count);
    const answers = await inParallel(trainees, 32, (traineeId, i) =>
      call(api(i).base, 'POST', `/api/groups/${groups[Math.floor(i / 8)]}/enrollments`, token, {
        traineeId,
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    return answers.map((a) => (a.body as { id: string }).id);
  }

  function completeEnrollment(enrollmentId: string, i: number): Promise<Answer> {
    return call(api(i).base, 'POST', `/api/enrollments/${enrollmentId}/complete`, token, {
      override: true,
      reason: 'fault suite',
    });
  }

  interface CertificateRow {
    id: string;
    status: string;
    number: string;
    file_key: string | null;
    sha256: string | null;
  }

  async function waitUntilIssued(enrollmentIds: string[], timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const [row] = await db.query<{ issued: number; total: number }[]>(
        `SELECT count(*) FILTER (WHERE status = 'issued')::int AS issued, count(*)::int AS total
           FROM certificates WHERE enrollment_id = ANY($1)`,
        [enrollmentIds],
      );
      if (row!.total === enrollmentIds.length && row!.issued === row!.total) {
        return Date.now() - started;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${row!.issued} of ${enrollmentIds.length} issued in ${timeoutMs} ms`);
      }
      await sleep(250);
    }
  }

  /** "certificate rendered … issued" lines per certificate, over every worker ever started. */
  function issuedLines(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const worker of everyWorker) {
      for (const line of worker.output().split('\n')) {
        if (!line.includes('"certificate rendered"')) continue;
        const render = JSON.parse(line) as { certificateId: string; outcome: string };
        if (render.outcome === 'issued') {
          counts.set(render.certificateId, (counts.get(render.certificateId) ?? 0) + 1);
        }
      }
    }
    return counts;
  }

  /**
   * Exactly once: one certificate per completed enrollment, all issued; numbers over the whole
   * database unique and gap-free, the year's counter at the last; one stored file each with the
   * recorded SHA-256 and no file without its certificate; no certificate recorded twice.
   */
  async function expectIssuedExactlyOnce(enrollmentIds: string[], kills = 0): Promise<void> {
    const rows = await db.query<CertificateRow[]>(
      `SELECT id, status, number, file_key, sha256 FROM certificates
        WHERE enrollment_id = ANY($1) ORDER BY number`,
      [enrollmentIds],
    );
    expect(rows).toHaveLength(enrollmentIds.length);
    expect(rows.filter((r) => r.status !== 'issued')).toEqual([]);
    const all = await db.query<{ number: string }[]>(
      'SELECT number FROM certificates ORDER BY number',
    );
    const sequence = all.map((r) => Number(r.number.slice(9)));
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    const [counter] = await db.query<{ last_number: number }[]>(
      'SELECT last_number FROM certificate_counters WHERE year = $1',
      [Number(all[0]!.number.slice(4, 8))],
    );
    expect(counter!.last_number).toBe(all.length);
    const [pending] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM certificates WHERE status <> 'issued'`,
    );
    expect(pending!.n).toBe(0);

    const files = readdirSync(storage, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.pdf'),
    );
    expect(files.length).toBe(all.length);
    for (const row of rows) {
      expect(row.file_key).toBe(`${row.number.slice(4, 8)}/${row.number}.pdf`);
      const file = path.join(storage, row.file_key!);
      expect(existsSync(file)).toBe(true);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(row.sha256);
    }
    // A render whose worker was killed after the commit but before its log line leaves no line:
    // at most the worker's concurrency (4) per kill.
    const lines = issuedLines();
    const ours = rows.map((r) => lines.get(r.id) ?? 0);
    expect(ours.filter((n) => n > 1)).toEqual([]);
    expect(ours.filter((n) => n === 0).length).toBeLessThanOrEqual(4 * kills);
  }

  // --- scenarios -----------------------------------------------------------------------------

  it(`${ENROLLMENTS_PER_ROUND} concurrent enrollments over ${GROUPS_PER_ROUND} groups through both APIs, ${ENROLLMENT_ROUNDS} round(s)`, async () => {
    const perGroup = ENROLLMENTS_PER_ROUND / GROUPS_PER_ROUND;
    for (let round = 1; round <= ENROLLMENT_ROUNDS; round += 1) {
      const groups = await openGroups(GROUPS_PER_ROUND, 'open');
      const trainees = await traineeIds(ENROLLMENTS_PER_ROUND);
      const started = Date.now();
      const answers = await Promise.all(
        trainees.map((traineeId, i) =>
          call(
            api(i).base,
            'POST',
            `/api/groups/${groups[i % GROUPS_PER_ROUND]}/enrollments`,
            token,
            {
              traineeId,
            },
          ),
        ),
      );
      const ms = Date.now() - started;
      expectNoServerErrorsBut503(answers);
      expect(answers.filter((a) => a.status !== 201)).toEqual([]);
      const statuses = answers.map((a) => (a.body as { status: string }).status);
      expect(statuses.filter((s) => s === 'active')).toHaveLength(GROUPS_PER_ROUND * 8);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(
        GROUPS_PER_ROUND * (perGroup - 8),
      );
      await expectGroupsConsistent(groups);
      figure(
        `enrollments round ${round}: ${ENROLLMENTS_PER_ROUND} requests, 5xx, time (s)`,
        `${answers.length} answered, ${answers.filter((a) => a.status >= 500).length}, ${secs(ms)}`,
      );
    }
    finished += 1;
  }, 300_000);

  it('PostgreSQL restarted under a mixed load: 503 while down, back within 10 s, every 2xx kept', async () => {
    const groups = await openGroups(10, 'open');
    const answers: (Answer & { kind: string; api: number })[] = [];
    const created: { trainees: string[]; enrollments: string[] } = {
      trainees: [],
      enrollments: [],
    };
    let running = true;
    const clients = Array.from({ length: 8 }, async (_, c) => {
      const apiIndex = c % 2;
      const base = api(apiIndex).base;
      let n = 0;
      while (running) {
        n += 1;
        const trainee = await call(base, 'POST', '/api/trainees', token, {
          iin: freshIin(),
          lastName: 'Жүкеева',
          firstName: `Load ${c}-${n}`,
          consent: true,
        });
        answers.push({ ...trainee, kind: 'trainee', api: apiIndex });
        if (trainee.status === 201) {
          const traineeId = (trainee.body as { id: string }).id;
          created.trainees.push(traineeId);
          const enrolled = await call(
            base,
            'POST',
            `/api/groups/${groups[n % groups.length]}/enrollments`,
            token,
            { traineeId },
          );
          answers.push({ ...enrolled, kind: 'enrollment', api: apiIndex });
          if (enrolled.status === 201) {
            created.enrollments.push((enrolled.body as { id: string }).id);
          }
        }
        const list = await call(base, 'GET', '/api/groups?limit=5', token);
        answers.push({ ...list, kind: 'list', api: apiIndex });
        if (trainee.status !== 201) await sleep(50);
      }
    });
    const health: (Answer & { api: number })[] = [];
    const healthPoll = (async () => {
      while (running) {
        for (const i of [0, 1])
          health.push({ ...(await call(api(i).base, 'GET', '/api/health')), api: i });
        await sleep(200);
      }
    })();

    await sleep(2_000);
    const stopAsked = Date.now();
    await pgServer.stop();
    const down = Date.now();
    await sleep(4_000);
    const startAsked = Date.now();
    await pgServer.start();
    const up = Date.now();
    await sleep(10_000);
    running = false;
    await Promise.all([...clients, healthPoll]);

    expectNoServerErrorsBut503(answers);
    expectNoServerErrorsBut503(health.filter((h) => h.status !== 503));
    // While PostgreSQL was down (from the end of its stop to the start): 503 with Retry-After.
    const whileDown = answers.filter((a) => a.at - a.ms >= down && a.at <= startAsked);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((a) => a.status !== 503)).toEqual([]);
    expect(whileDown.filter((a) => a.retryAfter === null)).toEqual([]);
    expect(new Set(whileDown.map((a) => (a.body as { code?: string }).code))).toEqual(
      new Set(['database.unavailable']),
    );
    const healthDown = health.filter((h) => h.at - h.ms >= down && h.at <= startAsked);
    expect(healthDown.length).toBeGreaterThan(0);
    for (const h of healthDown) {
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ error: { database: { status: 'down' } } });
    }
    // Back without restarting anything: each API answers a write within 10 s of PostgreSQL.
    const recovery = [0, 1].map((i) => {
      const first = answers.find(
        (a) => a.api === i && a.kind === 'trainee' && a.status === 201 && a.at - a.ms >= up,
      );
      return first ? first.at - up : Infinity;
    });
    for (const ms of recovery) expect(ms).toBeLessThan(10_000);
    // Every 2xx is in the database.
    const [found] = await db.query<{ trainees: number; enrollments: number }[]>(
      `SELECT (SELECT count(*)::int FROM trainees WHERE id = ANY($1)) AS trainees,
              (SELECT count(*)::int FROM enrollments WHERE id = ANY($2)) AS enrollments`,
      [created.trainees, created.enrollments],
    );
    expect(found).toEqual({
      trainees: created.trainees.length,
      enrollments: created.enrollments.length,
    });
    await expectGroupsConsistent(groups);

    figure(
      'PostgreSQL restart: requests, 2xx, 503, other',
      `${answers.length}, ${answers.filter((a) => a.status < 300).length}, ${answers.filter((a) => a.status === 503).length}, ${answers.filter((a) => a.status >= 300 && a.status !== 503).length}`,
    );
    figure(
      'PostgreSQL restart: stop took, down for, start took (s)',
      `${secs(down - stopAsked)}, ${secs(startAsked - down)}, ${secs(up - startAsked)}`,
    );
    figure(
      'PostgreSQL restart: first 2xx write after start, API 1 / API 2 (s)',
      recovery.map(secs).join(' / '),
    );
    figure(
      'PostgreSQL restart: writes answered 2xx and found in the database',
      `${created.trainees.length} trainees, ${created.enrollments.length} enrollments`,
    );
    finished += 1;
  }, 120_000);

  it('Redis killed and restarted empty during a certificate batch: every certificate issued once', async () => {
    const enrollments = await activeEnrollments(REDIS_BATCH);
    const started = Date.now();
    const answers: Answer[] = [];
    let killedAt = 0;
    let backAt = 0;
    const duringOutage: Answer[] = [];
    const completions = inParallel(enrollments, 8, async (id, i) => {
      // The second half waits for the kill, so that completions are made during the outage
      // however fast the first half goes (a completion does not wait for Redis).
      while (i >= enrollments.length / 2 && !killedAt) await sleep(20);
      const answer = await completeEnrollment(id, i);
      answers.push(answer);
      if (killedAt && !backAt && answer.at - answer.ms >= killedAt) duringOutage.push(answer);
      // Spread the batch over the outage.
      await sleep(SHORT ? 60 : 25);
      return answer;
    });
    await sleep(1_000);
    await redis.kill('SIGKILL');
    killedAt = Date.now();
    // A group's certificates re-queued while Redis is away: answered, not queued now. The
    // completions made since the kill left pending certificates (no worker can take them).
    await sleep(1_500);
    const [withPending] = await db.query<{ group_id: string }[]>(
      `SELECT e.group_id FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
        WHERE c.status = 'pending' AND e.id = ANY($1) LIMIT 1`,
      [enrollments],
    );
    expect(withPending).toBeDefined();
    const requeue = await call(
      api(0).base,
      'POST',
      `/api/groups/${withPending!.group_id}/certificates`,
      token,
    );
    const health = await call(api(1).base, 'GET', '/api/health');
    // Signing in counts failed attempts in PostgreSQL while Redis is away: a wrong password is
    // still 401, and the right one still signs in.
    const wrongLogin = await call(api(1).base, 'POST', '/api/auth/login', undefined, {
      email: 'nobody@faults.sheber.kz',
      password: 'not-the-password',
    });
    const login = await call(api(1).base, 'POST', '/api/auth/login', undefined, {
      email: adminEmail,
      password: TEST_PASSWORD,
    });
    await sleep(1_500);
    await redis.start();
    backAt = Date.now();
    await completions;
    const issuedAfterMs = await waitUntilIssued(enrollments, 120_000);

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(duringOutage.length).toBeGreaterThan(0);
    const slowest = Math.max(...duringOutage.map((a) => a.ms));
    expect(slowest).toBeLessThan(5_000);
    expect(requeue.status).toBe(202);
    expect(requeue.body).toMatchObject({ queuedNow: false });
    expect(requeue.ms).toBeLessThan(5_000);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      info: { database: { status: 'up' } },
      error: { redis: { status: 'down' } },
    });
    expect(wrongLogin.status).toBe(401);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ accessToken: expect.any(String) });
    await expectIssuedExactlyOnce(enrollments, 0);

    figure(
      `Redis killed: ${REDIS_BATCH} completions, answered while Redis was down, slowest of those (ms)`,
      `${answers.length}, ${duringOutage.length}, ${slowest}`,
    );
    figure('Redis killed: re-queue of a group while down answered in (ms)', requeue.ms);
    figure(
      'Redis killed: all issued, after Redis was back / from batch start (s)',
      `${secs(Date.now() - backAt)} / ${secs(Date.now() - started)} (waited ${secs(issuedAfterMs)})`,
    );
    finished += 1;
  }, 240_000);

  it(`a worker SIGKILLed three times during a batch of ${KILL_BATCH}: every certificate issued once`, async () => {
    const enrollments = await activeEnrollments(KILL_BATCH);
    const started = Date.now();
    // The batch in four parts; while each of the first three renders, one worker is killed (the
    // first, the second, the first again) and started again.
    const parts = [0, 1, 2, 3].map((k) =>
      enrollments.slice((k * KILL_BATCH) / 4, ((k + 1) * KILL_BATCH) / 4),
    );
    const answers: Answer[] = [];
    const restartMs: number[] = [];
    const killedWhilePending: number[] = [];
    for (const [k, part] of parts.entries()) {
      const completing = inParallel(part, 4, (id, i) => completeEnrollment(id, i));
      if (k < 3) {
        const index = k % 2;
        const victim = workers[index]!;
        const seen = victim.output().split('"certificate rendered"').length;
        const deadline = Date.now() + 30_000;
        while (victim.output().split('"certificate rendered"').length === seen) {
          if (Date.now() > deadline)
            throw new Error(`worker ${index} rendered nothing of part ${k}`);
          await sleep(10);
        }
        victim.child.kill('SIGKILL');
        expect((await victim.exited).signal).toBe('SIGKILL');
        const [pending] = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM certificates WHERE status = 'pending'`,
        );
        killedWhilePending.push(pending!.n);
        const restart = Date.now();
        workers[index] = await launchWorker();
        restartMs.push(Date.now() - restart);
      }
      answers.push(...(await completing));
    }
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const waited = await waitUntilIssued(enrollments, 120_000);
    await expectIssuedExactlyOnce(enrollments, 3);

    figure(
      `worker SIGKILL x3: batch of ${KILL_BATCH} issued in (s)`,
      `${secs(Date.now() - started)} (all issued ${secs(waited)} after the last completion)`,
    );
    figure('worker SIGKILL x3: worker restart to ready (s)', restartMs.map(secs).join(', '));
    figure('worker SIGKILL x3: certificates pending at each kill', killedWhilePending.join(', '));
    finished += 1;
  }, 240_000);

  it('SIGTERM to a worker mid-batch: it exits within 10 s, its jobs finished or left to the other', async () => {
    const enrollments = await activeEnrollments(TERM_BATCH);
    const victim = workers[0]!;
    const renderedBefore = victim.output().split('"certificate rendered"').length;
    const completions = inParallel(enrollments, 4, (id, i) => completeEnrollment(id, i));
    const deadline = Date.now() + 60_000;
    while (victim.output().split('"certificate rendered"').length === renderedBefore) {
      if (Date.now() > deadline) throw new Error('the worker rendered nothing');
      await sleep(20);
    }
    const signalled = Date.now();
    victim.child.kill('SIGTERM');
    await victim.exited;
    const exitMs = Date.now() - signalled;
    expect(exitMs).toBeLessThan(10_000);
    expect(victim.output()).toMatch(/Worker stopped on SIGTERM/);
    const answers = await completions;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    await waitUntilIssued(enrollments, 120_000);
    await expectIssuedExactlyOnce(enrollments, 0);
    workers[0] = await launchWorker();
    figure('worker SIGTERM mid-batch: exit (s)', secs(exitMs));
    finished += 1;
  }, 240_000);

  it('SIGTERM to an API under load: in-flight requests finish, nothing half-written, exit within 10 s', async () => {
    const victim = api(1);
    const iins = Array.from({ length: 60 }, () => freshIin());
    const answers = iins.map((iin, i) =>
      callOnOwnConnection(
        victim.base,
        'POST',
        '/api/trainees',
        token,
        { iin, lastName: 'Тоқтарова', firstName: `Term ${i}`, consent: true },
        `term-${i}`,
      ),
    );
    // Told to stop once it has taken in a third of them, the rest still arriving.
    const received = (): number =>
      victim.process.output().match(/"reqId":"term-\d+"[^\n]*incoming request/g)?.length ?? 0;
    const deadline = Date.now() + 10_000;
    while (received() < iins.length / 3 && Date.now() < deadline) await sleep(5);
    const signalled = Date.now();
    victim.process.child.kill('SIGTERM');
    const receivedBefore = new Set(
      [...victim.process.output().matchAll(/"reqId":"(term-\d+)"[^\n]*incoming request/g)].map(
        (m) => m[1]!,
      ),
    );
    const results = await Promise.all(answers);
    await victim.process.exited;
    const exitMs = Date.now() - signalled;
    expect(exitMs).toBeLessThan(10_000);
    expect(victim.process.output()).toMatch(/API stopped on SIGTERM/);

    // Every request the API had received when told to stop got its answer, and a 2xx.
    const inFlight = results.filter((_, i) => receivedBefore.has(`term-${i}`));
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.filter((r) => r.status !== 201)).toEqual([]);
    // The rest were refused (connection refused, 503 while closing), never a 500.
    expectNoServerErrorsBut503(results.filter((r) => r.status !== 0));
    // No half-written change: every trainee has its audit row, and every 201 is there.
    const rows = await db.query<{ id: string; audited: boolean }[]>(
      `SELECT t.id, EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = t.id::text) AS audited
         FROM trainees t WHERE t.iin = ANY($1)`,
      [iins],
    );
    expect(rows.filter((r) => !r.audited)).toEqual([]);
    const answered = results
      .filter((r) => r.status === 201)
      .map((r) => (r.body as { id: string }).id);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(answered));
    // And nothing a client was not told of: a request refused or cut wrote no trainee.
    expect(rows).toHaveLength(answered.length);
    apis[1] = await launchApi();

    figure(
      'API SIGTERM under load: requests, received before the signal, 201, refused (how)',
      `${results.length}, ${inFlight.length}, ${answered.length}, ${results.length - answered.length} (${refusals(results)})`,
    );
    figure('API SIGTERM under load: exit (s)', secs(exitMs));
    finished += 1;
  }, 120_000);

  it('a Redis that may evict keys: the API and the worker say so at start, health says degraded', async () => {
    const evicting = new PrivateRedis(['--maxmemory-policy', 'allkeys-lru']);
    extraRedis.push(evicting);
    await evicting.start();
    const env = { REDIS_URL: evicting.url };
    const worker = startWorker(fault, env);
    const apiOnIt = await startApi(fault, env);
    extraProcesses.push(apiOnIt.process);
    const started = await worker;
    extraProcesses.push(started);
    const said = /Redis maxmemory-policy is allkeys-lru, not noeviction/;
    await apiOnIt.process.waitForOutput(said, 10_000);
    await started.waitForOutput(said, 10_000);
    const health = await call(apiOnIt.base, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      degraded: true,
      info: { redis: { status: 'up', maxmemoryPolicy: 'allkeys-lru', ok: false } },
    });
    const normal = await call(api(0).base, 'GET', '/api/health');
    expect(normal.body).toMatchObject({
      info: { redis: { status: 'up', maxmemoryPolicy: 'noeviction', ok: true } },
    });
    expect(normal.body).not.toHaveProperty('degraded');
    figure('eviction policy allkeys-lru: said by API and worker, health', 'yes, 200 degraded');
    finished += 1;
  }, 120_000);
});
