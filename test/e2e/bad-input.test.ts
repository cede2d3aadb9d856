import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedIn } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

/** Malformed requests: each gets a 4xx with the usual error body, none a 5xx, none changes data. */
describe('bad input', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  async function rowCounts(): Promise<unknown> {
    return t.dataSource.query(
      'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM employment_centers)::int AS centers',
    );
  }

  const valid = {
    email: 'new.user@sheber.kz',
    password: 'long-enough-pass',
    fullName: 'New User',
    role: 'staff',
  };

  it.each([
    ['an unknown field', { ...valid, isAdmin: true }, 400, 'isAdmin'],
    ['a wrong type', { ...valid, fullName: 42 }, 400, 'fullName'],
    [
      'a missing field',
      { email: valid.email, password: valid.password, role: 'staff' },
      400,
      'fullName',
    ],
    ['an unknown role', { ...valid, role: 'superuser' }, 400, 'role'],
    ['a short password', { ...valid, password: 'short' }, 400, 'password'],
    ['a malformed email', { ...valid, email: 'not-an-email' }, 400, 'email'],
    ['an over-long name', { ...valid, fullName: 'x'.repeat(201) }, 400, 'fullName'],
    [
      'a malformed centre id',
      { ...valid, role: 'officer', employmentCenterId: 'abc' },
      400,
      'employmentCenterId',
    ],
  ])('refuses %s naming the field, changing nothing', async (_, body, status, field) => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send(body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/employment-centers')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json')
      .send('{"name": "Temirtau", ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const before = await rowCounts();
    const response = await t
      .http()
      .post('/api/employment-centers')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: 'x'.repeat(1024 * 1024 + 10), region: 'Karaganda region' });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a wrong content type with 415, and bad paging with 400', async () => {
    const response = await t
      .http()
      .post('/api/employment-centers')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'text/xml')
      .send('<center/>');
    expect(response.status).toBe(415);
    expect(response.body.statusCode).toBe(415);
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'offset=-1']) {
      const list = await t
        .http()
        .get(`/api/users?${query}`)
        .set('authorization', `Bearer ${admin}`);
      expect(list.status).toBe(400);
    }
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await t.http().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('returns the request id in a header, and keeps a sane one given by the caller', async () => {
    const response = await t.http().get('/api/health').set('x-request-id', 'abc-123');
    expect(response.headers['x-request-id']).toBe('abc-123');
    const generated = await t.http().get('/api/health').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});
