import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse } from '../factories/catalog';
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
    ['an unknown field', { ...valid, isAdmin: true }, 400, 'isAdmin', 'field.unknown'],
    ['a wrong type', { ...valid, fullName: 42 }, 400, 'fullName', 'field.string'],
    [
      'a missing field',
      { email: valid.email, password: valid.password, role: 'staff' },
      400,
      'fullName',
      'field.required',
    ],
    ['an unknown role', { ...valid, role: 'superuser' }, 400, 'role', 'field.one_of'],
    ['a short password', { ...valid, password: 'short' }, 400, 'password', 'field.too_short'],
    ['a malformed email', { ...valid, email: 'not-an-email' }, 400, 'email', 'field.email'],
    [
      'an over-long name',
      { ...valid, fullName: 'x'.repeat(201) },
      400,
      'fullName',
      'field.too_long',
    ],
    [
      'a malformed centre id',
      { ...valid, role: 'officer', employmentCenterId: 'abc' },
      400,
      'employmentCenterId',
      'field.uuid',
    ],
  ])(
    'refuses %s naming the field and its code, changing nothing',
    async (_, body, status, field, code) => {
      const before = await rowCounts();
      const response = await t
        .http()
        .post('/api/users')
        .set('authorization', `Bearer ${admin}`)
        .send(body);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'request.invalid_input',
      });
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ field, code, message: expect.any(String) }),
      );
      expect(await rowCounts()).toEqual(before);
    },
  );

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

  it('sends security headers, and HSTS only when the public address is https', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const secure = await createTestApp({ PUBLIC_BASE_URL: 'https://sheber.example.kz' });
    try {
      const over = await secure.http().get('/api/health');
      expect(over.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });

  it('refuses a body nested deeper than 16 levels with 400, sign-in included, without a 5xx', async () => {
    const before = await rowCounts();
    const depth = 50_000;
    const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const path of ['/api/employment-centers', '/api/auth/login']) {
      const response = await t
        .http()
        .post(path)
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send(`{"name":"x","region":"y","email":"a@b.kz","password":"p","deep":${deep}}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({
          code: 'field.too_deep',
          message: 'Nested more than 16 levels deep',
          params: { max: 16 },
        }),
      );
    }
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const response = await t
      .http()
      .post('/api/employment-centers')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json')
      .send(arrays);
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses text with a lone surrogate, naming the field', async () => {
    const before = await rowCounts();
    for (const body of [
      { ...valid, email: 'a\ud800@b.kz' },
      { ...valid, fullName: 'Ал\udc00ия' },
    ]) {
      const response = await t
        .http()
        .post('/api/users')
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        // JSON.stringify writes a lone half as an escape, which the server decodes as it is.
        .send(JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({
          code: 'field.malformed_text',
          message: 'Is not well-formed text',
        }),
      );
    }
    const search = await t
      .http()
      .get('/api/trainees?search=%ED%A0%80')
      .set('authorization', `Bearer ${admin}`);
    expect(search.status).toBeLessThan(500);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an offset beyond 1 000 000 and non-finite numbers with 400 on every list', async () => {
    for (const path of [
      '/api/users',
      '/api/trainees',
      '/api/groups',
      '/api/referrals',
      '/api/audit',
    ]) {
      for (const offset of ['1e308', '1000001', 'Infinity', 'NaN', '9'.repeat(400)]) {
        const response = await t
          .http()
          .get(`${path}?offset=${offset}`)
          .set('authorization', `Bearer ${admin}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toContainEqual(
          expect.objectContaining({ field: 'offset', code: expect.stringMatching(/^field\./) }),
        );
      }
      const deepest = await t
        .http()
        .get(`${path}?offset=1000000`)
        .set('authorization', `Bearer ${admin}`);
      expect(deepest.status).toBe(200);
      expect(deepest.body.items).toEqual([]);
    }
  });

  it('refuses a group that would run longer than two years, created or changed, at once', async () => {
    const course = await createCourse(t.dataSource);
    const schedule = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      startTime: '10:00',
      endTime: '11:00',
    }));
    const group = (endDate: string) => ({
      courseId: course.id,
      code: `SP-${Math.floor(Math.random() * 1e9)}`,
      startDate: '2026-09-01',
      endDate,
      schedule,
    });
    const lessons = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM lessons'))[0].n as number;
    const before = await lessons();
    for (const endDate of ['9999-12-31', '2028-09-02']) {
      const response = await t
        .http()
        .post('/api/groups')
        .set('authorization', `Bearer ${admin}`)
        .send(group(endDate));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          field: 'endDate',
          code: expect.stringMatching(/^[a-z_]+\.[a-z_.]+$/),
          message: expect.stringContaining('2 years'),
        }),
      ]);
    }
    expect(await lessons()).toBe(before);
    const longest = await t
      .http()
      .post('/api/groups')
      .set('authorization', `Bearer ${admin}`)
      .send(group('2028-09-01'));
    expect(longest.status).toBe(201);
    const stretched = await t
      .http()
      .patch(`/api/groups/${longest.body.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ endDate: '9999-12-31' });
    expect(stretched.status).toBe(400);
    const moved = await t
      .http()
      .patch(`/api/groups/${longest.body.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ startDate: '2026-09-02' });
    expect(moved.status).toBe(200);
    const tooEarly = await t
      .http()
      .patch(`/api/groups/${longest.body.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ startDate: '2026-08-31' });
    expect(tooEarly.status).toBe(400);
  });
});
