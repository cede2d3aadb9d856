import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/test-app';
import { clearLoginFailures, createUser, signedIn, TEST_PASSWORD } from '../factories/users';

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

  it('refuses an expired token', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const jwt = t.app.get(JwtService);
    const expired = await jwt.signAsync({
      sub: user.id,
      tv: 0,
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    const response = await t.http().get('/api/auth/me').set('authorization', `Bearer ${expired}`);
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/expired/);
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

describe('failed sign-in limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the 11th failed sign-in of one account within a minute with 429, even with the right password', async () => {
    // Earlier tests of this worker failed sign-ins from the same address: start from zero.
    await clearLoginFailures(t);
    const user = await createUser(t.dataSource, 'staff');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong-password-x' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
  });
});
