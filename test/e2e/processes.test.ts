import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checkIin } from '../../libs/trainees/src';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { databaseUrl, onServer, templateName } from '../support/test-databases';

/** The built processes as an operator runs them: configuration, start, docs, shutdown, the CLI. */
describe('the built processes', () => {
  beforeAll(() => {
    assertBuilt();
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/sheber'],
    ['REDIS_URL', 'localhost:6379'],
  ])('the API refuses to start with a malformed %s, in one line naming it', async (name, value) => {
    const api = startProcess(BUILT.api, [], { [name]: value });
    expect((await api.exited).code).toBe(1);
    const lines = api.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('the worker refuses a production start with the development secret', async () => {
    const worker = startProcess(BUILT.worker, [], { NODE_ENV: 'production' });
    expect((await worker.exited).code).toBe(1);
    expect(worker.output().trim()).toBe(
      'Invalid configuration: JWT_SECRET must be set to a secret of your own in production',
    );
  });

  describe('the API', () => {
    let api: RunningProcess;
    let base: string;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      api = startProcess(BUILT.api, [], { PORT: String(port), HOST: '127.0.0.1' });
      await waitForHttp(`${base}/api/health`);
    });
    afterAll(async () => {
      api.child.kill('SIGTERM');
      await api.exited;
    });

    it('serves the OpenAPI UI and a document that describes every route', async () => {
      const ui = await fetch(`${base}/api/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
      const document = (await (await fetch(`${base}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, { summary?: string; description?: string }>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          operation,
        })),
      );
      expect(operations.map((o) => o.route)).toEqual(
        expect.arrayContaining([
          'POST /api/auth/login',
          'GET /api/users/{id}',
          'GET /api/health',
          'GET /api/audit',
        ]),
      );
      for (const { route, operation } of operations) {
        expect([route, Boolean(operation.summary ?? operation.description)]).toEqual([route, true]);
      }
      // The CLI plugin describes DTOs from their class-validator decorators.
      expect(Object.keys(document.components.schemas.CreateUserDto?.properties ?? {})).toEqual(
        expect.arrayContaining([
          'email',
          'password',
          'fullName',
          'role',
          'crafts',
          'employmentCenterId',
        ]),
      );
    });

    it("serves the document the web app's committed types were generated from", async () => {
      // apps/web/src/api/schema.d.ts: a DTO or route changed without npm run openapi:types.
      const check = startProcess('scripts/openapi-types.mjs', ['--check', `${base}/api/docs-json`]);
      const { code } = await check.exited;
      expect([code, check.output()]).toEqual([0, '']);
    });

    it('writes JSON log lines with request ids and without the authorization header', async () => {
      await fetch(`${base}/api/auth/me`, {
        headers: { authorization: 'Bearer secret-token-value', 'x-request-id': 'log-check-1' },
      });
      await api.waitForOutput(/log-check-1.*request completed/);
      const line = api
        .output()
        .split('\n')
        .find((l) => l.includes('log-check-1') && l.includes('request completed'));
      expect(line).toBeDefined();
      const entry = JSON.parse(line!) as { reqId: string; res: { statusCode: number } };
      expect(entry.reqId).toBe('log-check-1');
      expect(entry.res.statusCode).toBe(401);
      expect(api.output()).not.toContain('secret-token-value');
    });

    it('never logs an IIN that appears in a URL', async () => {
      await fetch(`${base}/api/users?search=880101300123`, {
        headers: { 'x-request-id': 'iin-check-1' },
      });
      await api.waitForOutput(/iin-check-1/);
      expect(api.output()).not.toContain('880101300123');
    });

    it('never logs the value of a parameter it does not know, however its name is spelt', async () => {
      await fetch(`${base}/api/trainees?search%00=Qudaibergenov&%73earch=Qudaibergenov&limit=5`, {
        headers: { 'x-request-id': 'redact-check-1' },
      });
      await api.waitForOutput(/redact-check-1.*request completed/);
      const lines = api
        .output()
        .split('\n')
        .filter((l) => l.includes('redact-check-1'));
      expect(lines.join('\n')).toContain('limit=5');
      expect(api.output()).not.toContain('Qudaibergenov');
    });
  });

  it('the worker connects, says it is ready, and stops cleanly on SIGTERM', async () => {
    const worker = startProcess(BUILT.worker);
    await worker.waitForOutput(/Worker ready/);
    worker.child.kill('SIGTERM');
    // Nest closes the application, then the process exits with 0, its logs flushed.
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toMatch(/Worker stopped on SIGTERM/);
  });

  it('the worker warns once at start when PUBLIC_BASE_URL is an address of this machine only', async () => {
    const loopback = startProcess(BUILT.worker, [], { PUBLIC_BASE_URL: 'http://127.0.0.1:3000' });
    const public_ = startProcess(BUILT.worker, [], {
      PUBLIC_BASE_URL: 'https://sheber.example.kz',
    });
    await Promise.all([loopback, public_].map((w) => w.waitForOutput(/Worker ready/)));
    for (const worker of [loopback, public_]) worker.child.kill('SIGTERM');
    await Promise.all([loopback.exited, public_.exited]);
    expect(loopback.output().match(/PUBLIC_BASE_URL is http:\/\/127\.0\.0\.1:3000/g)).toHaveLength(
      1,
    );
    expect(public_.output()).not.toContain('PUBLIC_BASE_URL');
  });

  it('the API stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = startProcess(BUILT.api, [], { PORT: String(port), HOST: '127.0.0.1' });
    await waitForHttp(`http://127.0.0.1:${port}/api/health`);
    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toMatch(/API stopped on SIGTERM/);
  });

  it('create-admin makes an administrator who can sign in, and refuses a short password', async () => {
    const email = `admin-${randomUUID()}@sheber.kz`;
    const cli = startProcess(BUILT.cli, [
      'create-admin',
      '--email',
      email,
      '--password',
      'a-long-admin-password',
    ]);
    expect((await cli.exited).code).toBe(0);
    expect(cli.output()).toContain(`Created administrator ${email}`);

    const short = startProcess(BUILT.cli, [
      'create-admin',
      '--email',
      `x-${email}`,
      '--password',
      'short',
    ]);
    expect((await short.exited).code).toBe(1);
    expect(short.output()).toContain('password: At least 10 characters');

    const again = startProcess(BUILT.cli, [
      'create-admin',
      '--email',
      email,
      '--password',
      'a-long-admin-password',
    ]);
    expect((await again.exited).code).toBe(1);
    expect(again.output()).toContain('A user with this email already exists');

    const port = await freePort();
    const api = startProcess(BUILT.api, [], { PORT: String(port), HOST: '127.0.0.1' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/api/health`);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a-long-admin-password' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { role: string } }).user.role).toBe('admin');
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });

  it('seed-demo fills an empty database with every kind of record, and only an empty one; check finds its counters true', async () => {
    const scratch = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_seed`;
    await onServer((client) =>
      client.query(
        `CREATE DATABASE "${scratch}" TEMPLATE "${templateName(process.env.SHEBER_TEST_RUN!)}"`,
      ),
    );
    try {
      const env = { DATABASE_URL: databaseUrl(scratch) };
      const seed = startProcess(BUILT.cli, ['seed-demo', '--if-empty'], env);
      expect((await seed.exited).code).toBe(0);
      const again = startProcess(BUILT.cli, ['seed-demo', '--if-empty'], env);
      expect((await again.exited).code).toBe(0);
      expect(again.output()).toContain('already has users');

      const client = new pg.Client({ connectionString: databaseUrl(scratch) });
      await client.connect();
      try {
        const roles = await client.query('SELECT DISTINCT role FROM users ORDER BY role');
        expect(roles.rows.map((r) => r.role)).toEqual(['admin', 'master', 'officer', 'staff']);
        const crafts = await client.query('SELECT DISTINCT craft FROM courses ORDER BY craft');
        expect(crafts.rows.map((r) => r.craft)).toEqual([
          'felt',
          'jewelry',
          'leather',
          'pottery',
          'souvenirs',
        ]);
        const statuses = await client.query('SELECT DISTINCT status FROM groups ORDER BY status');
        expect(statuses.rows.map((r) => r.status)).toEqual([
          'cancelled',
          'completed',
          'in_progress',
          'open',
          'planned',
        ]);
        const full = await client.query(
          'SELECT count(*)::int AS n FROM groups WHERE active_count = capacity AND waitlist_count > 0',
        );
        expect(full.rows[0].n).toBeGreaterThanOrEqual(1);
        const iins = await client.query<{ iin: string }>('SELECT iin FROM trainees');
        expect(iins.rows.length).toBeGreaterThanOrEqual(20);
        expect(iins.rows.every((r) => checkIin(r.iin).ok)).toBe(true);
        const centres = await client.query('SELECT count(*)::int AS n FROM employment_centers');
        expect(centres.rows[0].n).toBe(2);
        const referrals = await client.query<{ status: string; outcomes: number }>(
          `SELECT status, count(outcome)::int AS outcomes FROM referrals GROUP BY status ORDER BY status`,
        );
        expect(referrals.rows.map((r) => r.status)).toEqual([
          'accepted',
          'cancelled',
          'completed',
          'dropped',
          'enrolled',
          'rejected',
          'submitted',
        ]);
        const completed = referrals.rows.find((r) => r.status === 'completed')!;
        expect(completed.outcomes).toBeGreaterThanOrEqual(1);
        const byCentre = await client.query('SELECT DISTINCT employment_center_id FROM referrals');
        expect(byCentre.rows).toHaveLength(2);

        // `check` finds the counters of the seeded groups true to their rows, and names a group
        // whose waitlist counter was made to lie (status 1).
        const check = startProcess(BUILT.cli, ['check'], env);
        expect([(await check.exited).code, check.output()]).toEqual([
          0,
          'Seat counters match the enrollments of every group\n',
        ]);
        const [lying] = (
          await client.query<{ code: string }>(
            `UPDATE groups SET waitlist_count = waitlist_count + 1
              WHERE id = (SELECT id FROM groups ORDER BY code LIMIT 1) RETURNING code`,
          )
        ).rows;
        const drifted = startProcess(BUILT.cli, ['check'], env);
        expect((await drifted.exited).code).toBe(1);
        expect(drifted.output()).toContain(`group ${lying!.code} (`);
        expect(drifted.output()).toContain(
          'Seat counters differ from the enrollments in 1 group(s)',
        );
      } finally {
        await client.end();
      }
    } finally {
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
    }
  });
});
