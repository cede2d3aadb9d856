import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { createGroup, createTrainee } from '../factories/catalog';
import { createUser, TEST_PASSWORD } from '../factories/users';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { type S3TestServer, startS3Server } from '../support/s3-server';
import { privateDatabase } from '../support/test-databases';

const CERTIFICATES = 24;

/**
 * Two machines' worth of Sheber on one PostgreSQL and one Redis (docs/OPERATIONS.md): two built
 * API processes and two built workers, the certificates in S3, the Redis keys under a hash-tagged
 * prefix as on Redis Cluster. Whichever worker renders a certificate, either API serves its PDF.
 */
describe('two API processes and two workers sharing S3', () => {
  let s3: S3TestServer;
  let dataSource: DataSource;
  const processes: RunningProcess[] = [];
  const apis: string[] = [];
  const workers: RunningProcess[] = [];

  // A database of its own: the workers take every pending certificate of the database they
  // serve, and on the jest worker's database earlier files leave hundreds queued before these.
  let database: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    assertBuilt();
    s3 = await startS3Server();
    database = await privateDatabase('multi');
    dataSource = new DataSource(
      dataSourceOptions({
        url: database.url,
        poolSize: 2,
        applicationName: 'sheber-multi-test',
      }),
    );
    await dataSource.initialize();
    const shared = {
      ...s3.env('national'),
      DATABASE_URL: database.url,
      REDIS_PREFIX: `{${process.env.REDIS_PREFIX}_multi}`,
      PUBLIC_BASE_URL: 'https://sheber.example.kz',
      JWT_SECRET: 'one-secret-that-every-api-process-shares-0123456789',
      CERTIFICATE_STORAGE_DIR: '/nonexistent/sheber-certificates',
    };
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      apis.push(`http://127.0.0.1:${port}`);
      processes.push(
        startProcess(BUILT.api, [], {
          ...shared,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        }),
      );
      const worker = startProcess(BUILT.worker, [], { ...shared, LOG_LEVEL: 'info' });
      workers.push(worker);
      processes.push(worker);
    }
    await Promise.all([
      ...apis.map((api) => waitForHttp(`${api}/api/health`, 30_000)),
      ...workers.map((worker) => worker.waitForOutput(/Worker ready/, 30_000)),
    ]);
  }, 90_000);

  afterAll(async () => {
    for (const child of processes) child.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await dataSource?.destroy();
    await database?.drop();
    await s3?.close();
  });

  async function call(
    api: string,
    token: string,
    method: string,
    route: string,
    body?: unknown,
  ): Promise<Response> {
    return fetch(`${api}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function signIn(api: string, email: string): Promise<string> {
    const response = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  it(`${CERTIFICATES} certificates rendered by either worker download from either API with their SHA-256`, async () => {
    const staffUser = await createUser(dataSource, 'staff');
    const adminUser = await createUser(dataSource, 'admin');
    // Signed in on one API, used on the other: the processes share JWT_SECRET.
    const staff = await signIn(apis[0]!, staffUser.email);
    const admin = await signIn(apis[1]!, adminUser.email);

    const enrollmentIds: string[] = [];
    for (let g = 0; g < CERTIFICATES / 8; g += 1) {
      const group = await createGroup(dataSource, { status: 'in_progress' });
      for (let i = 0; i < 8; i += 1) {
        const trainee = await createTrainee(dataSource);
        const api = apis[(g * 8 + i) % 2]!;
        const enrolled = await call(api, staff, 'POST', `/api/groups/${group.id}/enrollments`, {
          traineeId: trainee.id,
        });
        expect(enrolled.status).toBe(201);
        enrollmentIds.push(((await enrolled.json()) as { id: string }).id);
      }
    }
    // Completions alternate between the APIs; each queues its certificate for any worker.
    await Promise.all(
      enrollmentIds.map(async (id, i) => {
        const done = await call(apis[i % 2]!, admin, 'POST', `/api/enrollments/${id}/complete`, {
          override: true,
          reason: 'two machines',
        });
        expect(done.status).toBe(200);
      }),
    );

    type Row = { id: string; number: string; status: string; sha256: string };
    let rows: Row[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      rows = await dataSource.query<Row[]>(
        'SELECT id, number, status, sha256 FROM certificates WHERE enrollment_id = ANY($1)',
        [enrollmentIds],
      );
      if (rows.length === CERTIFICATES && rows.every((r) => r.status === 'issued')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(rows.filter((r) => r.status === 'issued')).toHaveLength(CERTIFICATES);

    // Who rendered what, from each worker's render lines.
    const renderedBy = new Map<string, number>();
    workers.forEach((worker, index) => {
      for (const line of worker.output().split('\n')) {
        if (!line.includes('"certificate rendered"')) continue;
        const render = JSON.parse(line) as { certificateId: string; outcome: string };
        if (render.outcome === 'issued') renderedBy.set(render.certificateId, index);
      }
    });
    expect(new Set(rows.map((r) => renderedBy.get(r.id)))).toEqual(new Set([0, 1]));

    // Every PDF from both APIs, byte for byte what was recorded.
    const served = new Set<string>();
    for (const row of rows) {
      for (const [apiIndex, api] of apis.entries()) {
        const response = await call(api, staff, 'GET', `/api/certificates/${row.id}/pdf`);
        expect(response.status).toBe(200);
        const pdf = Buffer.from(await response.arrayBuffer());
        expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.sha256);
        served.add(`worker ${renderedBy.get(row.id)} → api ${apiIndex}`);
      }
    }
    expect([...served].sort()).toEqual([
      'worker 0 → api 0',
      'worker 0 → api 1',
      'worker 1 → api 0',
      'worker 1 → api 1',
    ]);
    // All in the one bucket, under the installation's prefix, nothing half-written left; and no
    // PDF that no issued certificate or prepared document claims (waiting, bounded, for a render
    // between its upload and its row's update).
    let keys: string[];
    let pdfs: string[];
    let claimed: number;
    const settled = Date.now() + 15_000;
    for (;;) {
      keys = await s3.keys('national/');
      pdfs = keys.filter((key) => key.endsWith('.pdf'));
      const [row] = await dataSource.query<{ n: number }[]>(
        `SELECT ((SELECT count(*) FROM certificates
                   WHERE status = 'issued' AND 'national/' || file_key = ANY($1))
               + (SELECT count(*) FROM documents
                   WHERE status = 'ready' AND 'national/' || file_key = ANY($1)))::int AS n`,
        [pdfs],
      );
      claimed = row!.n;
      if (claimed === pdfs.length || Date.now() > settled) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const row of rows) {
      expect(pdfs).toContain(`national/${row.number.slice(4, 8)}/${row.number}.pdf`);
    }
    expect(claimed).toBe(pdfs.length);
    expect(keys.filter((key) => key.includes('.incomplete/'))).toEqual([]);
    // The queue's keys carry the hash tag, so one Cluster slot would hold them all.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const queueKeys = await redis.keys(`{${process.env.REDIS_PREFIX}_multi}:bull:certificates:*`);
      expect(queueKeys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  }, 120_000);
});
