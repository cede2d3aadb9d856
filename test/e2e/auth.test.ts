import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app';
import { createUser, signedIn, TEST_PASSWORD } from '../factories/users';
import { bearer } from '../support/http';
import { goodClaims, handMadeToken } from '../support/tokens';

describe('sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns a token and the user for the right password, and /me answers with it', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: user.id,
      email: user.email,
      fullName: 'Test staff',
      role: 'staff',
      employmentCenterId: null,
      passwordChangeRequired: false,
    });
    const me = await t
      .http()
      .get('/api/auth/me')
      .set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong-password-1' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@test.sheber.kz', password: 'wrong-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses a route without a token, and with a forged one', async () => {
    expect((await t.http().get('/api/auth/me')).status).toBe(401);
    const forged = await t
      .http()
      .get('/api/auth/me')
      .set('authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});

describe('tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts a token with every claim, signed HS256 (the hand-made tokens below are sound)', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const response = await t
      .http()
      .get('/api/auth/me')
      .set(bearer(handMadeToken(goodClaims(user.id))));
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(user.id);
  });

  it('refuses an expired token', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const expired = handMadeToken({
      ...goodClaims(user.id),
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    const response = await t.http().get('/api/auth/me').set(bearer(expired));
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/expired/);
  });

  it.each([
    ['without an expiry', { exp: undefined }, undefined],
    ['without an issuer', { iss: undefined }, undefined],
    ['from another issuer', { iss: 'someone-else' }, undefined],
    ['without a token id', { jti: undefined }, undefined],
    ['with a token id that is not a UUID', { jti: 'token-1' }, undefined],
    ['with a subject that is not a UUID', { sub: 'admin' }, undefined],
    ['with alg none', {}, { alg: 'none', typ: 'JWT' }],
    ['signed HS512 with the same secret', {}, { alg: 'HS512', typ: 'JWT' }],
  ])('refuses a token %s with 401', async (_case, change, header) => {
    const user = await createUser(t.dataSource, 'staff');
    const claims = { ...goodClaims(user.id), ...change };
    const token = handMadeToken(
      JSON.parse(JSON.stringify(claims)) as Record<string, unknown>,
      header,
    );
    const response = await t.http().get('/api/auth/me').set(bearer(token));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('signs HS256 tokens with an id, an issuer and an expiry', async () => {
    const user = await signedIn(t, 'staff');
    const [header, claims] = user.token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as object);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toEqual({
      sub: user.id,
      tv: 0,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: expect.any(Number),
      exp: expect.any(Number),
      iss: 'sheber',
    });
  });

  it('stops the old tokens at once when the account is deactivated', async () => {
    const admin = await signedIn(t, 'admin');
    const staff = await signedIn(t, 'staff');
    const before = await t.http().get('/api/auth/me').set('authorization', `Bearer ${staff.token}`);
    expect(before.status).toBe(200);

    const patch = await t
      .http()
      .patch(`/api/users/${staff.id}`)
      .set('authorization', `Bearer ${admin.token}`)
      .send({ active: false });
    expect(patch.status).toBe(200);
    expect(patch.body.active).toBe(false);

    const after = await t.http().get('/api/auth/me').set('authorization', `Bearer ${staff.token}`);
    expect(after.status).toBe(401);
    const relogin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: TEST_PASSWORD });
    expect(relogin.status).toBe(401);
  });

  it('stops the old tokens at once in every API process, which remember users for a few seconds', async () => {
    // Two API instances on one database and one Redis, as two processes behind a balancer.
    const prefix = `auth_shared_${process.pid}_${Date.now()}`;
    const a = await createTestApp({ REDIS_PREFIX: prefix, TOKEN_CACHE_SECONDS: '60' });
    const b = await createTestApp({ REDIS_PREFIX: prefix, TOKEN_CACHE_SECONDS: '60' });
    try {
      const admin = await signedIn(a, 'admin');
      const staff = await signedIn(a, 'staff');
      const me = (app: TestApp) =>
        app.http().get('/api/auth/me').set('authorization', `Bearer ${staff.token}`);
      // B has now remembered the user for a minute.
      expect((await me(b)).status).toBe(200);
      expect((await me(b)).body.role).toBe('staff');

      const role = await a
        .http()
        .patch(`/api/users/${staff.id}`)
        .set('authorization', `Bearer ${admin.token}`)
        .send({ role: 'master', crafts: ['felt'] });
      expect(role.status).toBe(200);
      // The role change revoked the token: B refuses it on the very next request.
      expect((await me(b)).status).toBe(401);

      const fresh = await signedIn(a, 'staff');
      expect(
        (await b.http().get('/api/auth/me').set('authorization', `Bearer ${fresh.token}`)).status,
      ).toBe(200);
      await a
        .http()
        .patch(`/api/users/${fresh.id}`)
        .set('authorization', `Bearer ${admin.token}`)
        .send({ active: false });
      expect(
        (await b.http().get('/api/auth/me').set('authorization', `Bearer ${fresh.token}`)).status,
      ).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('stops the old tokens at once when the password changes, and the new password works', async () => {
    const admin = await signedIn(t, 'admin');
    const master = await signedIn(t, 'master');
    const patch = await t
      .http()
      .patch(`/api/users/${master.id}`)
      .set('authorization', `Bearer ${admin.token}`)
      .send({ password: 'a-brand-new-password' });
    expect(patch.status).toBe(200);

    const old = await t.http().get('/api/auth/me').set('authorization', `Bearer ${master.token}`);
    expect(old.status).toBe(401);
    expect(old.body.message).toMatch(/revoked/);
    const fresh = await t
      .http()
      .post('/api/auth/login')
      .send({ email: master.email, password: 'a-brand-new-password' });
    expect(fresh.status).toBe(200);
    const oldPassword = await t
      .http()
      .post('/api/auth/login')
      .send({ email: master.email, password: TEST_PASSWORD });
    expect(oldPassword.status).toBe(401);
  });
});

describe('failed sign-in limits', () => {
  // The tests tell the app which address a request comes from, as a proxy would.
  const trustLoopback = { TRUST_PROXY: 'loopback' };
  const signInFrom = (t: TestApp, address: string, email: string, password: string) =>
    t.http().post('/api/auth/login').set('x-forwarded-for', address).send({ email, password });

  it('slows the pair (account, address) down with 429, Retry-After and the wait in the message', async () => {
    const t = await createTestApp(trustLoopback);
    try {
      const user = await createUser(t.dataSource, 'staff');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        statuses.push((await signInFrom(t, '198.51.100.7', user.email, 'wrong-password-x')).status);
      }
      expect(statuses).toEqual([401, 401, 401]);
      // The 3rd failure makes the pair wait a second, even with the right password.
      const early = await signInFrom(t, '198.51.100.7', user.email, TEST_PASSWORD);
      expect(early.status).toBe(429);
      expect(early.headers['retry-after']).toBe('1');
      expect(early.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'auth.too_many_attempts',
        message: 'Too many failed sign-in attempts; try again in 1 second',
      });
    } finally {
      await t.close();
    }
  });

  it('blocks the pair after 10 failures, never the right password from another address', async () => {
    // No slowdown before the block, so that ten failures can come one after another.
    const t = await createTestApp({ ...trustLoopback, LOGIN_SLOWDOWN_AFTER: '10' });
    try {
      const user = await createUser(t.dataSource, 'staff');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 10; attempt += 1) {
        statuses.push((await signInFrom(t, '203.0.113.10', user.email, 'wrong-password-x')).status);
      }
      expect(statuses).toEqual(Array(10).fill(401));

      const blocked = await signInFrom(t, '203.0.113.10', user.email, TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(blocked.body.message).toBe(
        'Too many failed sign-in attempts; try again in 15 minutes',
      );

      const elsewhere = await signInFrom(t, '203.0.113.20', user.email, TEST_PASSWORD);
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.user.id).toBe(user.id);
      // Another account from the blocked pair's address is not held back either.
      const colleague = await createUser(t.dataSource, 'master');
      expect((await signInFrom(t, '203.0.113.10', colleague.email, TEST_PASSWORD)).status).toBe(
        200,
      );
    } finally {
      await t.close();
    }
  });

  it('lets one address (an office behind one NAT) fail 60 times a minute on different accounts', async () => {
    const t = await createTestApp(trustLoopback);
    try {
      const statuses = new Set<number>();
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const response = await signInFrom(
          t,
          '192.0.2.44',
          `nobody-${attempt}@test.sheber.kz`,
          'wrong-password-x',
        );
        statuses.add(response.status);
      }
      expect([...statuses]).toEqual([401]);
      const user = await createUser(t.dataSource, 'officer');
      expect((await signInFrom(t, '192.0.2.44', user.email, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('signs in while Redis is unreachable, and counts failures in PostgreSQL meanwhile', async () => {
    const t = await createTestApp({
      ...trustLoopback,
      REDIS_URL: 'redis://127.0.0.1:1',
      LOGIN_SLOWDOWN_AFTER: '10',
    });
    try {
      const user = await createUser(t.dataSource, 'staff');
      const ok = await signInFrom(t, '198.51.100.80', user.email, TEST_PASSWORD);
      expect(ok.status).toBe(200);
      expect((await t.http().get('/api/auth/me').set(bearer(ok.body.accessToken))).status).toBe(
        200,
      );

      for (let attempt = 0; attempt < 10; attempt += 1) {
        expect((await signInFrom(t, '198.51.100.81', user.email, 'wrong-password-x')).status).toBe(
          401,
        );
      }
      const held = await signInFrom(t, '198.51.100.81', user.email, TEST_PASSWORD);
      expect(held.status).toBe(429);
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(890);
      expect(held.body.code).toBe('auth.too_many_attempts');
      expect((await signInFrom(t, '198.51.100.82', user.email, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
