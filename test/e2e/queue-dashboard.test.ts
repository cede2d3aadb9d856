import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../../libs/common/src';
import { signedIn } from '../factories/users';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Bull Board at /api/admin/queues, admins only. It is mounted by the built API alone (ESM Jest
 * cannot load it), so this test signs users in through the test app and calls the built process.
 */
describe('the queue dashboard', () => {
  let t: TestApp;
  let api: RunningProcess;
  let base: string;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    assertBuilt();
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'master', 'officer'] as const)
      tokens[role] = (await signedIn(t, role)).token;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess(BUILT.api, [], { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    await waitForHttp(`${base}/api/health`);
  });
  afterAll(async () => {
    api.child.kill('SIGTERM');
    await api.exited;
    await t.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it.each(['/api/admin/queues', '/api/admin/queues/api/queues'])(
    '%s refuses a caller without a token or with a bad one (401)',
    async (path) => {
      for (const response of [await get(path), await get(path, 'not-a-token')]) {
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      }
    },
  );

  it.each(['staff', 'master', 'officer'] as const)('refuses %s (403)', async (role) => {
    for (const path of ['/api/admin/queues', '/api/admin/queues/api/queues']) {
      const response = await get(path, tokens[role]);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    }
  });

  it('shows the certificate queue to an admin', async () => {
    const page = await get('/api/admin/queues', tokens.admin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    const script = /src="([^"]*static\/js\/main[^"]*)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    // The UI's own files sit behind the same check.
    const asset = `/api/admin/queues/${script!.replace(/^\//, '').replace(/^api\/admin\/queues\//, '')}`;
    expect((await get(asset)).status).toBe(401);
    expect((await get(asset, tokens.admin)).status).toBe(200);

    const queues = await get('/api/admin/queues/api/queues', tokens.admin);
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['certificates', 'documents']);
  });

  it('is registered before Fastify can boot, so a boot during its imports still loads it', async () => {
    // Fastify booted (by listen, inject or close) while the dashboard's imports were pending
    // refused its late registration with AVV_ERR_ROOT_PLG_BOOTED, and the API died at start.
    const run = startProcess('test/support/queue-dashboard-boot.mjs');
    expect([(await run.exited).code, run.output()]).toEqual([0, '401\n']);
  });
});
