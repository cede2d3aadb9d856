import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEmploymentCenter, signedIn } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

describe('employment centres kept by an admin', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('renames a centre and changes its region, with the old and new values audited', async () => {
    const center = await createEmploymentCenter(t.dataSource, `Қарағанды ${Date.now()}`);
    const name = `Қарағанды қаласының жұмыспен қамту орталығы ${Date.now()}`;
    const renamed = await t
      .http()
      .patch(`/api/employment-centers/${center.id}`)
      .set(auth(admin))
      .send({ name: `  ${name} ` });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: center.id,
      name: { kk: name, ru: name, en: name },
      region: 'Karaganda region',
    });

    const moved = await t
      .http()
      .patch(`/api/employment-centers/${center.id}`)
      .set(auth(admin))
      .send({ region: 'Қарағанды облысы' });
    expect(moved.body).toMatchObject({ name: { kk: name }, region: 'Қарағанды облысы' });

    const audit = await t
      .http()
      .get(`/api/audit?entity=employment_center&entityId=${center.id}`)
      .set(auth(admin));
    expect(audit.body.items.map((e: { changes: unknown }) => e.changes)).toEqual([
      { region: { from: 'Karaganda region', to: 'Қарағанды облысы' } },
      { name: { from: center.name, to: name } },
    ]);
  });

  it('keeps a name in each language, the given one standing in for a language left empty', async () => {
    const stamp = Date.now();
    const created = await t
      .http()
      .post('/api/employment-centers')
      .set(auth(admin))
      .send({
        name: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
        nameKk: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
        nameRu: `Центр занятости города Сарани ${stamp}`,
        region: 'Қарағанды облысы',
      });
    expect(created.status).toBe(201);
    expect(created.body.name).toEqual({
      kk: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
      ru: `Центр занятости города Сарани ${stamp}`,
      en: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
    });
    const named = await t
      .http()
      .patch(`/api/employment-centers/${created.body.id}`)
      .set(auth(admin))
      .send({ nameEn: `Employment Centre of Saran ${stamp}`, nameRu: '' });
    expect(named.status).toBe(200);
    expect(named.body.name).toEqual({
      kk: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
      ru: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
      en: `Employment Centre of Saran ${stamp}`,
    });
    expect(named.body.names).toEqual({
      given: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
      kk: `Саран қаласының жұмыспен қамту орталығы ${stamp}`,
      ru: null,
      en: `Employment Centre of Saran ${stamp}`,
    });
  });

  it('refuses an empty name, a name another centre has, and an unknown centre', async () => {
    const one = await createEmploymentCenter(t.dataSource);
    const other = await createEmploymentCenter(t.dataSource);
    const patch = (id: string, body: object) =>
      t.http().patch(`/api/employment-centers/${id}`).set(auth(admin)).send(body);

    const empty = await patch(one.id, { name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const nulled = await patch(one.id, { region: null });
    expect(nulled.status).toBe(400);
    expect((await patch(one.id, { name: other.name })).status).toBe(409);
    expect((await patch('7d7f3c0e-4c55-4a8b-9a57-0d9c1a2b3c4d', { name: 'X' })).status).toBe(404);
    expect((await patch('not-a-uuid', { name: 'X' })).status).toBe(400);
    const [kept] = await t.dataSource.query<{ name: string; region: string }[]>(
      'SELECT name, region FROM employment_centers WHERE id = $1',
      [one.id],
    );
    expect(kept).toEqual({ name: one.name, region: one.region });
  });

  it('lets neither staff nor an officer change a centre', async () => {
    const center = await createEmploymentCenter(t.dataSource);
    for (const role of ['staff', 'officer'] as const) {
      const { token } = await signedIn(t, role);
      const refused = await t
        .http()
        .patch(`/api/employment-centers/${center.id}`)
        .set(auth(token))
        .send({ name: 'Changed' });
      expect(refused.status).toBe(403);
    }
  });
});
