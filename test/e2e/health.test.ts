import { afterAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app';
import { databaseUrl, onServer, templateName } from '../support/test-databases';

describe('GET /api/health', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('is 200 with both services up', async () => {
    const t = await createTestApp();
    apps.push(t);
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('is 503 naming Redis when Redis is unreachable', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    apps.push(t);
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { redis: { status: 'down' } },
    });
  });

  it('is 503 naming the database when PostgreSQL goes away', async () => {
    // A throw-away copy of this worker's database, dropped under the running app.
    const scratch = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_health`;
    await onServer((client) =>
      client.query(
        `CREATE DATABASE "${scratch}" TEMPLATE "${templateName(process.env.SHEBER_TEST_RUN!)}"`,
      ),
    );
    const t = await createTestApp({ DATABASE_URL: databaseUrl(scratch) });
    apps.push(t);
    expect((await t.http().get('/api/health')).status).toBe(200);
    await onServer((client) => client.query(`DROP DATABASE "${scratch}" WITH (FORCE)`));
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'error',
      info: { redis: { status: 'up' } },
      error: { database: { status: 'down' } },
    });
  });
});
