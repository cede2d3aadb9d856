import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/** The web app's session: an httpOnly cookie instead of a token the page could read. */
describe('browser session', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function startSession(role: 'staff' | 'admin' = 'staff') {
    const user = await createUser(t.dataSource, role);
    const response = await t
      .http()
      .post('/api/auth/session')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const setCookies = response.headers['set-cookie'] as unknown as string[];
    const value = (name: string) =>
      setCookies
        .find((c) => c.startsWith(`${name}=`))!
        .split(';')[0]!
        .slice(name.length + 1);
    const session = value('sheber_session');
    const csrf = value('sheber_csrf');
    return {
      user,
      response,
      setCookies,
      csrf,
      cookie: `sheber_session=${session}; sheber_csrf=${csrf}`,
    };
  }

  it('signs in with cookies and never puts the token in the body', async () => {
    const { response, setCookies, user } = await startSession();
    expect(response.body).toEqual({
      expiresIn: 43200,
      user: expect.objectContaining({ id: user.id, role: 'staff' }),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/accessToken|eyJ/);
    const session = setCookies.find((c) => c.startsWith('sheber_session='))!;
    expect(session).toMatch(/; Path=\/api; Max-Age=43200; SameSite=Strict; HttpOnly$/);
    const csrf = setCookies.find((c) => c.startsWith('sheber_csrf='))!;
    expect(csrf).toMatch(/^sheber_csrf=[\w-]{32}; Path=\/; Max-Age=43200; SameSite=Strict$/);
  });

  it('refuses wrong credentials with 401 and sets no cookie', async () => {
    const response = await t
      .http()
      .post('/api/auth/session')
      .send({ email: 'nobody@test.sheber.kz', password: 'wrong-password-1' });
    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('the cookie alone reads; a change also needs the CSRF header that matches', async () => {
    const { cookie, csrf, user } = await startSession();
    const me = await t.http().get('/api/auth/me').set('cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);

    const course = { craft: 'felt', title: 'Киіз басу', hours: 24 };
    const withoutToken = await t.http().post('/api/courses').set('cookie', cookie).send(course);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.message).toMatch(/X-CSRF-Token/);
    const wrongToken = await t
      .http()
      .post('/api/courses')
      .set('cookie', cookie)
      .set('x-csrf-token', `${csrf.slice(1)}x`)
      .send(course);
    expect(wrongToken.status).toBe(403);
    const withToken = await t
      .http()
      .post('/api/courses')
      .set('cookie', cookie)
      .set('x-csrf-token', csrf)
      .send(course);
    expect(withToken.status).toBe(201);
    expect(withToken.body.title).toBe('Киіз басу');
  });

  it('a bearer token needs no CSRF header, even with a stale cookie beside it', async () => {
    const user = await createUser(t.dataSource, 'staff');
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    const response = await t
      .http()
      .post('/api/courses')
      .set(bearer(login.body.accessToken))
      .set('cookie', 'sheber_session=stale')
      .send({ craft: 'leather', title: 'Былғары', hours: 24 });
    expect(response.status).toBe(201);
  });

  it('a forged session cookie is 401', async () => {
    const response = await t.http().get('/api/auth/me').set('cookie', 'sheber_session=forged');
    expect(response.status).toBe(401);
  });

  it('signing out clears both cookies', async () => {
    await startSession();
    const response = await t.http().delete('/api/auth/session');
    expect(response.status).toBe(204);
    expect(response.headers['set-cookie']).toEqual([
      'sheber_session=; Path=/api; Max-Age=0; SameSite=Strict; HttpOnly',
      'sheber_csrf=; Path=/; Max-Age=0; SameSite=Strict',
    ]);
  });
});
