import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app';
import { createUser, signedIn, TEST_PASSWORD } from '../factories/users';

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
    const response = await t.http().post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: user.id,
      email: user.email,
      fullName: 'Test staff',
      role: 'staff',
      employmentCenterId: null,
    });
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password-1' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@test.sheber.kz', password: 'wrong-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses a route without a token, and with a forged one', async () => {
    expect((await t.http().get('/api/auth/me')).status).toBe(401);
    const forged = await t.http().get('/api/auth/me').set('authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});
