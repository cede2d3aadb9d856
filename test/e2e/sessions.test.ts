import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { REDIS } from '../../libs/redis/src';
import { createUser, signedIn, TEST_PASSWORD } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const me = (t: TestApp, token: string) => t.http().get('/api/auth/me').set(bearer(token));

async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await t.http().post('/api/auth/login').send({ email, password });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

/** A browser session: the cookie header to send and the CSRF token to echo. */
async function browserSession(t: TestApp, email: string, password = TEST_PASSWORD) {
  const response = await t.http().post('/api/auth/session').send({ email, password });
  expect(response.status).toBe(200);
  return cookiesOf(response.headers['set-cookie'] as unknown as string[]);
}

function cookiesOf(setCookies: string[]) {
  const value = (name: string) =>
    setCookies
      .find((c) => c.startsWith(`${name}=`))!
      .split(';')[0]!
      .slice(name.length + 1);
  const csrf = value('sheber_csrf');
  return { cookie: `sheber_session=${value('sheber_session')}; sheber_csrf=${csrf}`, csrf };
}

describe('sign-out', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Checked tokens are remembered for a minute: sign-out must end them all the same.
    t = await createTestApp({ TOKEN_CACHE_SECONDS: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends that bearer token for good, and only that one', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const token = await signIn(t, user.email);
    const other = await signIn(t, user.email);
    expect((await me(t, token)).status).toBe(200);

    const out = await t.http().delete('/api/auth/session').set(bearer(token));
    expect(out.status).toBe(204);

    const after = await me(t, token);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/revoked/);
    expect((await t.http().get('/api/courses').set(bearer(token))).status).toBe(401);
    expect((await me(t, other)).status).toBe(200);
  });

  it('ends the session cookie for good, not only clearing it', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const { cookie } = await browserSession(t, user.email);
    expect((await t.http().get('/api/auth/me').set('cookie', cookie)).status).toBe(200);

    const out = await t.http().delete('/api/auth/session').set('cookie', cookie);
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toEqual([
      'sheber_session=; Path=/api; Max-Age=0; SameSite=Strict; HttpOnly',
      'sheber_csrf=; Path=/; Max-Age=0; SameSite=Strict',
    ]);
    // A copy of the cookie kept elsewhere is refused.
    const replayed = await t.http().get('/api/auth/me').set('cookie', cookie);
    expect(replayed.status).toBe(401);
    expect(replayed.body.message).toMatch(/revoked/);
  });

  it('keeps the token ended when Redis loses its copy of the revocation', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const token = await signIn(t, user.email);
    await t.http().delete('/api/auth/session').set(bearer(token)).expect(204);

    const redis = t.app.get<Redis>(REDIS);
    const prefix = redis.options.keyPrefix ?? '';
    const keys = await redis.keys(`${prefix}revoked-token*`);
    expect(keys.length).toBeGreaterThan(0);
    // The copy lives no longer than the token would have (12 hours).
    const ttl = await redis.pttl(
      keys.find((k) => k.includes('revoked-token:'))!.slice(prefix.length),
    );
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(12 * 3600 * 1000);

    // As after a Redis restart without persistence.
    await redis.del(...keys.map((key) => key.slice(prefix.length)));
    expect((await me(t, token)).status).toBe(401);
    // The check has copied the revocations back to Redis.
    expect((await me(t, token)).status).toBe(401);
  });

  it('without a token only clears the cookies', async () => {
    const out = await t.http().delete('/api/auth/session');
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toHaveLength(2);
  });
});

describe('sign-out across API processes', () => {
  it('is seen by another API process, and by one whose Redis is unreachable', async () => {
    // Two processes behind a balancer on one database and one Redis, each remembering checked
    // tokens for a minute; a third cannot reach Redis and reads revocations from PostgreSQL.
    const prefix = `sessions_shared_${process.pid}_${Date.now()}`;
    const a = await createTestApp({ REDIS_PREFIX: prefix, TOKEN_CACHE_SECONDS: '60' });
    const b = await createTestApp({ REDIS_PREFIX: prefix, TOKEN_CACHE_SECONDS: '60' });
    const c = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1', TOKEN_CACHE_SECONDS: '60' });
    try {
      const user = await createUser(a.dataSource, 'staff');
      const token = await signIn(a, user.email);
      expect((await me(b, token)).status).toBe(200);
      expect((await me(c, token)).status).toBe(200);

      await a.http().delete('/api/auth/session').set(bearer(token)).expect(204);

      expect((await me(b, token)).status).toBe(401);
      expect((await me(c, token)).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
      await c.close();
    }
  });
});

describe('own password change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends the other sessions; this one goes on with the fresh token', async () => {
    const user = await createUser(t.dataSource, 'master');
    const current = await signIn(t, user.email);
    const other = await signIn(t, user.email);

    const change = await t
      .http()
      .put('/api/auth/password')
      .set(bearer(current))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-of-mine' });
    expect(change.status).toBe(200);
    expect(change.body.user).toMatchObject({ id: user.id, passwordChangeRequired: false });
    const fresh = change.body.accessToken as string;

    expect((await me(t, other)).status).toBe(401);
    expect((await me(t, current)).status).toBe(401);
    expect((await me(t, fresh)).status).toBe(200);
    const oldPassword = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(oldPassword.status).toBe(401);
    await signIn(t, user.email, 'a-new-password-of-mine');
  });

  it('with the session cookie, renews the cookies and ends the old one', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const old = await browserSession(t, user.email);
    const change = await t
      .http()
      .put('/api/auth/password')
      .set('cookie', old.cookie)
      .set('x-csrf-token', old.csrf)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-of-mine' });
    expect(change.status).toBe(200);
    expect(JSON.stringify(change.body)).not.toMatch(/accessToken|eyJ/);
    const renewed = cookiesOf(change.headers['set-cookie'] as unknown as string[]);

    expect((await t.http().get('/api/auth/me').set('cookie', old.cookie)).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('cookie', renewed.cookie)).status).toBe(200);
  });

  it('refuses a wrong current password, the same password and a short one', async () => {
    const user = await signedIn(t, 'staff');
    const change = (body: object) =>
      t.http().put('/api/auth/password').set(bearer(user.token)).send(body);

    const wrong = await change({
      currentPassword: 'not-my-password',
      newPassword: 'whatever-new-1',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('password.current_wrong');
    const same = await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('password.unchanged');
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    // Nothing changed: the token still works.
    expect((await me(t, user.token)).status).toBe(200);
  });
});

describe("admin's password reset", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives a temporary password once, ends every session, and asks for a new password first', async () => {
    const admin = await signedIn(t, 'admin');
    const staff = await signedIn(t, 'staff');
    const { cookie } = await browserSession(t, staff.email);

    const reset = await t
      .http()
      .post(`/api/users/${staff.id}/reset-password`)
      .set(bearer(admin.token));
    expect(reset.status).toBe(200);
    const temporaryPassword = reset.body.temporaryPassword as string;
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(reset.body)).toEqual(['temporaryPassword']);
    expect(
      (await t.http().get(`/api/users/${staff.id}`).set(bearer(admin.token))).body,
    ).not.toHaveProperty('temporaryPassword');

    expect((await me(t, staff.token)).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('cookie', cookie)).status).toBe(401);
    const oldPassword = await t
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: TEST_PASSWORD });
    expect(oldPassword.status).toBe(401);

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(true);
    const temporary = login.body.accessToken as string;

    const courses = await t.http().get('/api/courses').set(bearer(temporary));
    expect(courses.status).toBe(403);
    expect(courses.body.code).toBe('password.change_required');
    const create = await t
      .http()
      .post('/api/courses')
      .set(bearer(temporary))
      .send({ craft: 'felt', title: 'Киіз', hours: 24 });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('password.change_required');
    expect((await me(t, temporary)).body.passwordChangeRequired).toBe(true);

    const change = await t
      .http()
      .put('/api/auth/password')
      .set(bearer(temporary))
      .send({ currentPassword: temporaryPassword, newPassword: 'my-own-password-now' });
    expect(change.status).toBe(200);
    const fresh = change.body.accessToken as string;
    expect((await t.http().get('/api/courses').set(bearer(fresh))).status).toBe(200);
    expect((await me(t, fresh)).body.passwordChangeRequired).toBe(false);
  });

  it('is for admins only, and 404 for an unknown user', async () => {
    const admin = await signedIn(t, 'admin');
    const staff = await signedIn(t, 'staff');
    const other = await createUser(t.dataSource, 'master');
    const byStaff = await t
      .http()
      .post(`/api/users/${other.id}/reset-password`)
      .set(bearer(staff.token));
    expect(byStaff.status).toBe(403);
    const unknown = await t
      .http()
      .post('/api/users/00000000-0000-4000-8000-000000000000/reset-password')
      .set(bearer(admin.token));
    expect(unknown.status).toBe(404);
    // The refused reset changed nothing.
    await signIn(t, other.email);
  });
});

describe('deactivation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TOKEN_CACHE_SECONDS: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends the bearer tokens and the browser sessions of the account', async () => {
    const admin = await signedIn(t, 'admin');
    const staff = await signedIn(t, 'staff');
    const { cookie } = await browserSession(t, staff.email);
    expect((await me(t, staff.token)).status).toBe(200);
    expect((await t.http().get('/api/auth/me').set('cookie', cookie)).status).toBe(200);

    await t
      .http()
      .patch(`/api/users/${staff.id}`)
      .set(bearer(admin.token))
      .send({ active: false })
      .expect(200);

    expect((await me(t, staff.token)).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('cookie', cookie)).status).toBe(401);
  });
});
