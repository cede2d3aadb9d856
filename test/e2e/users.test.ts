import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEmploymentCenter, signedIn } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

describe('users and the audit log', () => {
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

  it('gives an account created without a password a temporary one, once, to be replaced at the first sign-in', async () => {
    const email = `staff.temporary.${Date.now()}@sheber.kz`;
    const created = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ email, fullName: 'Гүлнар Ахметова', role: 'staff' });
    expect(created.status).toBe(201);
    const temporaryPassword = created.body.temporaryPassword as string;
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(created.body).toMatchObject({ email, role: 'staff', active: true });

    // Shown once: the account read again does not carry it, nor does its audit row.
    const read = await t.http().get(`/api/users/${created.body.id}`).set(auth(admin));
    expect(read.body).not.toHaveProperty('temporaryPassword');
    const [audit] = await t.dataSource.query<{ changes: unknown }[]>(
      `SELECT changes FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'create'`,
      [created.body.id],
    );
    expect(JSON.stringify(audit!.changes)).not.toContain(temporaryPassword);

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email, password: temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(true);
    const courses = await t
      .http()
      .get('/api/courses')
      .set(auth(login.body.accessToken as string));
    expect(courses.status).toBe(403);
    expect(courses.body.code).toBe('password.change_required');

    // With a password given, the account is ready at once and gets no temporary one.
    const ready = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({
        email: `staff.ready.${Date.now()}@sheber.kz`,
        password: 'long-enough-pass',
        fullName: 'Әсем Нұрланқызы',
        role: 'staff',
      });
    expect(ready.status).toBe(201);
    expect(ready.body).not.toHaveProperty('temporaryPassword');
  });

  it('creates a master with crafts and an officer with a centre, and audits both', async () => {
    const center = await createEmploymentCenter(t.dataSource);
    const master = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({
        email: `  Master.${Date.now()}@Sheber.KZ `,
        password: 'long-enough-pass',
        fullName: 'Ержан Қайратұлы',
        role: 'master',
        crafts: ['pottery', 'jewelry'],
      });
    expect(master.status).toBe(201);
    expect(master.body).toMatchObject({
      role: 'master',
      crafts: ['jewelry', 'pottery'],
      active: true,
    });
    expect(master.body.email).toBe(master.body.email.toLowerCase());
    expect(master.body).not.toHaveProperty('passwordHash');
    expect(master.body).not.toHaveProperty('password');

    const officer = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({
        email: `officer.${Date.now()}@enbek.kz`,
        password: 'long-enough-pass',
        fullName: 'Динара Ибраева',
        role: 'officer',
        employmentCenterId: center.id,
      });
    expect(officer.status).toBe(201);
    expect(officer.body.employmentCenterId).toBe(center.id);

    const audit = await t
      .http()
      .get(`/api/audit?entity=user&entityId=${master.body.id}`)
      .set(auth(admin));
    expect(audit.status).toBe(200);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'create',
      entity: 'user',
      entityId: master.body.id,
    });
    expect(JSON.stringify(audit.body.items[0].changes)).not.toMatch(/password/i);
  });

  it('refuses a duplicate email with 409 whatever its case, and writes no audit row', async () => {
    const email = `dup.${Date.now()}@sheber.kz`;
    const body = { email, password: 'long-enough-pass', fullName: 'A', role: 'staff' };
    expect((await t.http().post('/api/users').set(auth(admin)).send(body)).status).toBe(201);
    const auditBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log');
    const again = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ ...body, email: email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'user.email_taken',
      message: 'A user with this email already exists',
    });
    const auditAfter = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log');
    expect(auditAfter).toEqual(auditBefore);
  });

  it('refuses role fields that do not fit the role, naming the field', async () => {
    const base = { password: 'long-enough-pass', fullName: 'A' };
    const officer = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ ...base, email: `o${Date.now()}@x.kz`, role: 'officer' });
    expect(officer.status).toBe(400);
    expect(officer.body.errors[0].field).toBe('employmentCenterId');
    const staffWithCrafts = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ ...base, email: `s${Date.now()}@x.kz`, role: 'staff', crafts: ['felt'] });
    expect(staffWithCrafts.status).toBe(400);
    expect(staffWithCrafts.body.errors[0].field).toBe('crafts');
    const unknownCraft = await t
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ ...base, email: `m${Date.now()}@x.kz`, role: 'master', crafts: ['glassblowing'] });
    expect(unknownCraft.status).toBe(400);
    expect(unknownCraft.body.errors).toEqual([
      {
        field: 'crafts',
        code: 'user.unknown_crafts',
        message: 'Unknown crafts: glassblowing',
        params: { crafts: 'glassblowing' },
      },
    ]);
  });

  it('lists users with paging and filters by role', async () => {
    const page = await t.http().get('/api/users?limit=2&offset=0').set(auth(admin));
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThanOrEqual(page.body.items.length);
    const masters = await t.http().get('/api/users?role=master&limit=100').set(auth(admin));
    expect(masters.body.items.every((u: { role: string }) => u.role === 'master')).toBe(true);
  });

  it('audits an update with the old and new value of each changed field', async () => {
    const staff = await signedIn(t, 'staff');
    const patch = await t
      .http()
      .patch(`/api/users/${staff.id}`)
      .set(auth(admin))
      .send({ fullName: 'Гүлнар Ахметова' });
    expect(patch.status).toBe(200);
    const audit = await t
      .http()
      .get(`/api/audit?entity=user&entityId=${staff.id}`)
      .set(auth(admin));
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      changes: { fullName: { from: 'Test staff', to: 'Гүлнар Ахметова' } },
    });
    expect(audit.body.items[0].requestId).toEqual(expect.any(String));
  });

  it('returns 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await t
      .http()
      .get('/api/users/7d7f3c0e-4c55-4a8b-9a57-0d9c1a2b3c4d')
      .set(auth(admin));
    expect(unknown.status).toBe(404);
    const malformed = await t.http().get('/api/users/not-a-uuid').set(auth(admin));
    expect(malformed.status).toBe(400);
  });

  it('lists and creates employment centres; a duplicate name is 409', async () => {
    const name = `Employment centre of Saran ${Date.now()}`;
    const created = await t
      .http()
      .post('/api/employment-centers')
      .set(auth(admin))
      .send({ name, region: 'Karaganda region' });
    expect(created.status).toBe(201);
    const duplicate = await t
      .http()
      .post('/api/employment-centers')
      .set(auth(admin))
      .send({ name, region: 'Karaganda region' });
    expect(duplicate.status).toBe(409);
    const staff = await signedIn(t, 'staff');
    const list = await t.http().get('/api/employment-centers?limit=100').set(auth(staff.token));
    expect(list.status).toBe(200);
    // One name given: it stands for every language.
    expect(list.body.items.map((c: { name: unknown }) => c.name)).toContainEqual({
      kk: name,
      ru: name,
      en: name,
    });
  });

  it('gives the five crafts with Kazakh, Russian and English names to any user', async () => {
    const officer = await signedIn(t, 'officer');
    const crafts = await t.http().get('/api/crafts').set(auth(officer.token));
    expect(crafts.status).toBe(200);
    expect(crafts.body.map((c: { code: string }) => c.code)).toEqual([
      'jewelry',
      'pottery',
      'leather',
      'felt',
      'souvenirs',
    ]);
    expect(crafts.body[0].name).toEqual({
      kk: 'Зергерлік өнер',
      ru: 'Ювелирное дело',
      en: 'Jewelry',
    });
  });

  it('finds accounts by a fragment of the name or the email, and by active or not', async () => {
    const tag = Date.now().toString(36);
    const make = (fullName: string, email: string) =>
      t
        .http()
        .post('/api/users')
        .set(auth(admin))
        .send({ email, password: 'long-enough-pass', fullName, role: 'staff' });
    const kazakh = await make(`Құдайбергенова Әсел ${tag}`, `asel.${tag}@sheber.kz`);
    const russian = await make(`Сергеева Ольга ${tag}`, `olga.${tag}@sheber.kz`);
    expect([kazakh.status, russian.status]).toEqual([201, 201]);
    const names = async (query: string) => {
      const found = await t.http().get(`/api/users?limit=100&${query}`).set(auth(admin));
      expect(found.status).toBe(200);
      return (found.body.items as { fullName: string }[]).map((u) => u.fullName);
    };
    // Any case, any script; the email's fragment too.
    expect(await names(`search=${encodeURIComponent(`ҚҰДАЙБЕРГЕН`)}`)).toEqual([
      `Құдайбергенова Әсел ${tag}`,
    ]);
    expect(await names(`search=${encodeURIComponent(`OLGA.${tag}`)}`)).toEqual([
      `Сергеева Ольга ${tag}`,
    ]);
    // % and _ are letters here, not patterns.
    expect(await names(`search=${encodeURIComponent('%')}`)).toEqual([]);

    const off = await t
      .http()
      .patch(`/api/users/${russian.body.id}`)
      .set(auth(admin))
      .send({ active: false });
    expect(off.status).toBe(200);
    expect(await names(`search=${tag}&active=false`)).toEqual([`Сергеева Ольга ${tag}`]);
    expect(await names(`search=${tag}&active=true&role=staff`)).toEqual([
      `Құдайбергенова Әсел ${tag}`,
    ]);
    const bad = await t.http().get('/api/users?active=maybe').set(auth(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('active');
  });
});
