import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Behind a reverse proxy every connection comes from the proxy. With TRUST_PROXY naming it, the
 * per-address limits count each client (X-Forwarded-For) on its own; without, all clients share one.
 */
describe.each([
  ['trusting the proxy', { TRUST_PROXY: '127.0.0.1' }, 200],
  ['not trusting it', {}, 429],
])('the API %s', (_name, env, secondClient) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(env);
  });
  afterAll(async () => {
    await t.close();
  });

  it(`answers ${secondClient} to a second client once the first used up the public verification limit`, async () => {
    const verify = (client: string) =>
      t.http().get('/api/public/certificates/AAAAAAAAAAAAAAAA').set('x-forwarded-for', client);
    for (let i = 0; i < 60; i += 1) expect((await verify('203.0.113.7')).status).toBe(200);
    expect((await verify('203.0.113.7')).status).toBe(429);
    expect((await verify('198.51.100.20')).status).toBe(secondClient);
  });
});
