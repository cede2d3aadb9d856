import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeIin } from '../../libs/trainees/src';
import { createTrainee, freshIin } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

describe('trainees', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (body: Record<string, unknown>) =>
    t.http().post('/api/trainees').set(bearer(staff)).send(body);

  it('registers a trainee, reading birth date and sex from the IIN and recording the consent date', async () => {
    const iin = makeIin('1987-04-12', 'male', 4321);
    const response = await register({
      iin,
      lastName: 'Сәрсенбаев',
      firstName: 'Ерлан',
      patronymic: 'Қайратұлы',
      phone: '+7 701 555 1234',
      categories: ['job_seeker'],
      consent: true,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      iin,
      birthDate: '1987-04-12',
      sex: 'male',
      consent: true,
      categories: ['job_seeker'],
    });
    expect(Date.now() - Date.parse(response.body.consentAt)).toBeLessThan(60_000);

    const again = await register({ iin, lastName: 'Другой', firstName: 'Человек', consent: true });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('A trainee with this IIN is already registered');
  });

  it('requires a guardian for a trainee under 18', async () => {
    const iin = makeIin('2012-03-05', 'female', 77);
    const without = await register({ iin, lastName: 'Ахметова', firstName: 'Дана', consent: true });
    expect(without.status).toBe(400);
    expect(without.body.errors[0].field).toBe('guardianName');
    const noPhone = await register({
      iin,
      lastName: 'Ахметова',
      firstName: 'Дана',
      consent: true,
      guardianName: 'Ахметова Гүлнар',
    });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.errors[0].field).toBe('guardianPhone');
    const withGuardian = await register({
      iin,
      lastName: 'Ахметова',
      firstName: 'Дана',
      consent: true,
      guardianName: 'Ахметова Гүлнар',
      guardianPhone: '+7 702 111 2233',
    });
    expect(withGuardian.status).toBe(201);
    expect(withGuardian.body.sex).toBe('female');
  });

  it.each([
    ['an IIN that is too short', { iin: '90010130001' }, 'iin', 'iin.length', /exactly 12 digits/],
    ['an IIN that is too long', { iin: '9001013000171' }, 'iin', 'iin.length', /exactly 12/],
    ['an IIN with letters', { iin: '90010130001a' }, 'iin', 'iin.digits', /digits only/],
    [
      'an IIN with a wrong check digit',
      { iin: '900101300018' },
      'iin',
      'iin.checksum',
      /check digit/,
    ],
    [
      'an IIN with an impossible date',
      { iin: '901332300015' },
      'iin',
      'iin.date',
      /real birth date/,
    ],
    ['an IIN with a century digit 7', { iin: '900101700015' }, 'iin', 'iin.century', /7th digit/],
    ['an IIN as a number', { iin: 900101300017 }, 'iin', 'field.string', /text/],
    ['no consent', { consent: false }, 'consent', 'trainee.consent_required', /Consent/],
    ['a missing consent', { consent: undefined }, 'consent', 'field.required', /Required/],
    ['an unknown category', { categories: ['veteran'] }, 'categories', 'field.one_of', /one of/],
    ['a malformed phone', { phone: 'call me' }, 'phone', 'field.phone', /phone number/],
    ['an over-long last name', { lastName: 'x'.repeat(101) }, 'lastName', 'field.too_long', /100/],
    ['an unknown field', { nationality: 'kz' }, 'nationality', 'field.unknown', /not accepted/],
  ])('refuses %s with 400, writing nothing', async (_, change, field, code, message) => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM trainees');
    const response = await register({
      iin: freshIin(),
      lastName: 'Ким',
      firstName: 'Ольга',
      consent: true,
      ...change,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field, code, message: expect.stringMatching(message) }),
    );
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM trainees')).toEqual(before);
  });

  it('finds trainees by any part of the name in any case, Cyrillic included, and by IIN; IINs masked in the list', async () => {
    const marker = `Тест${Date.now() % 100000}`;
    const a = await createTrainee(t.dataSource, {
      lastName: `Әбілқасымова${marker}`,
      firstName: 'Гүлжан',
    });
    await createTrainee(t.dataSource, { lastName: `Иванова${marker}`, firstName: 'Мария' });
    const byName = await t
      .http()
      .get(`/api/trainees?search=${encodeURIComponent(`ӘБІЛҚАСЫМОВА${marker.toUpperCase()}`)}`)
      .set(bearer(staff));
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(1);
    expect(byName.body.items[0]).toMatchObject({ id: a.id, iin: `********${a.iin.slice(-4)}` });
    const twoWords = await t
      .http()
      .get(`/api/trainees?search=${encodeURIComponent(`гүлжан ${marker.toLowerCase()}`)}`)
      .set(bearer(staff));
    expect(twoWords.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const both = await t
      .http()
      .get(`/api/trainees?search=${encodeURIComponent(marker.toLowerCase())}&limit=1`)
      .set(bearer(staff));
    expect(both.body.total).toBe(2);
    expect(both.body.items).toHaveLength(1);
    const byIin = await t.http().get(`/api/trainees?search=${a.iin}`).set(bearer(staff));
    expect(byIin.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(JSON.stringify(byIin.body)).not.toContain(a.iin);
    const wildcard = await t.http().get('/api/trainees?search=%25').set(bearer(staff));
    expect(wildcard.body.total).toBe(0);
  });

  it("finds trainees by the first digits of the IIN, and sorts a fragment's matches by name", async () => {
    const birth = '1977-03-14';
    const [late, early] = [
      await createTrainee(t.dataSource, {
        iin: freshIin('male', birth),
        lastName: 'Құдайбергенов',
        firstName: 'Асқар',
      }),
      await createTrainee(t.dataSource, {
        iin: freshIin('female', birth),
        lastName: 'Абайқұдайқызы',
        firstName: 'Әсел',
      }),
    ];
    for (const prefix of ['770314', early.iin.slice(0, 8)]) {
      const found = await t.http().get(`/api/trainees?search=${prefix}`).set(bearer(staff));
      expect(found.status).toBe(200);
      const ids = (found.body.items as { id: string; iin: string }[]).map((i) => i.id);
      expect(ids).toContain(early.id);
      expect(found.body.items.every((i: { iin: string }) => i.iin.startsWith('********'))).toBe(
        true,
      );
    }
    const prefix = await t.http().get('/api/trainees?search=770314').set(bearer(staff));
    expect(prefix.body.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([late.id, early.id]),
    );
    const fragment = await t
      .http()
      .get(`/api/trainees?search=${encodeURIComponent('ҚҰДАЙ')}&limit=100`)
      .set(bearer(staff));
    const names = (fragment.body.items as { lastName: string }[]).map((i) => i.lastName);
    expect(names).toEqual(expect.arrayContaining(['Құдайбергенов', 'Абайқұдайқызы']));
    expect(names).toEqual([...names].sort());
    expect(fragment.body.total).toBe(names.length);
  });

  it('masks the IIN in the single-trainee view; showing it whole is audited', async () => {
    const trainee = await createTrainee(t.dataSource);
    const auditRows = () =>
      t.dataSource.query(
        "SELECT action, actor_role FROM audit_log WHERE entity = 'trainee' AND entity_id = $1",
        [trainee.id],
      );
    const view = await t.http().get(`/api/trainees/${trainee.id}`).set(bearer(staff));
    expect(view.status).toBe(200);
    expect(view.body.iin).toBe(`********${trainee.iin.slice(-4)}`);
    expect(await auditRows()).toEqual([]);

    const revealed = await t.http().post(`/api/trainees/${trainee.id}/iin`).set(bearer(staff));
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ iin: trainee.iin });
    expect(await auditRows()).toEqual([{ action: 'view_iin', actor_role: 'staff' }]);

    const missing = await t
      .http()
      .post('/api/trainees/00000000-0000-4000-8000-000000000000/iin')
      .set(bearer(staff));
    expect(missing.status).toBe(404);
  });

  it('audits a correction with the old and new values, and records consent given again', async () => {
    const trainee = await createTrainee(t.dataSource);
    const before = (
      await t.dataSource.query<{ consent_at: Date }[]>(
        'SELECT consent_at FROM trainees WHERE id = $1',
        [trainee.id],
      )
    )[0]!.consent_at;
    const patch = await t
      .http()
      .patch(`/api/trainees/${trainee.id}`)
      .set(bearer(staff))
      .send({ firstName: 'Әсел', consent: true });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ firstName: 'Әсел', consent: true });
    expect(patch.body.iin).toBe(`********${trainee.iin.slice(-4)}`);
    expect(new Date(patch.body.consentAt).getTime()).toBeGreaterThan(new Date(before).getTime());
    const [row] = await t.dataSource.query<{ action: string; changes: Record<string, unknown> }[]>(
      "SELECT action, changes FROM audit_log WHERE entity = 'trainee' AND entity_id = $1",
      [trainee.id],
    );
    expect(row).toEqual({
      action: 'update',
      changes: { firstName: { from: trainee.firstName, to: 'Әсел' }, consent: true },
    });

    const withdrawn = await t
      .http()
      .patch(`/api/trainees/${trainee.id}`)
      .set(bearer(staff))
      .send({ consent: false });
    expect(withdrawn.status).toBe(400);
    expect(withdrawn.body.errors).toEqual([
      expect.objectContaining({ field: 'consent', code: 'trainee.consent_required' }),
    ]);
  });

  it('updates names and keeps the search in step; the IIN cannot be changed', async () => {
    const trainee = await createTrainee(t.dataSource);
    const patch = await t
      .http()
      .patch(`/api/trainees/${trainee.id}`)
      .set(bearer(staff))
      .send({ lastName: 'Жұмабекова' });
    expect(patch.status).toBe(200);
    const found = await t
      .http()
      .get(`/api/trainees?search=${encodeURIComponent('жұмабекова')}&limit=100`)
      .set(bearer(staff));
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(trainee.id);
    const iinChange = await t
      .http()
      .patch(`/api/trainees/${trainee.id}`)
      .set(bearer(staff))
      .send({ iin: freshIin() });
    expect(iinChange.status).toBe(400);
  });
});
