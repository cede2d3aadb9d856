import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/** Input that the database would refuse must be refused at the edge with a 400 naming the field. */
describe('null values and control characters', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses null for a required field in every PATCH, naming it', async () => {
    const trainee = await createTrainee(t.dataSource);
    const course = await createCourse(t.dataSource);
    const group = await createGroup(t.dataSource);
    const user = await signedIn(t, 'staff');
    const cases: [string, Record<string, unknown>, string][] = [
      [`/api/trainees/${trainee.id}`, { lastName: null }, 'lastName'],
      [`/api/trainees/${trainee.id}`, { categories: null }, 'categories'],
      [`/api/courses/${course.id}`, { title: null }, 'title'],
      [`/api/courses/${course.id}`, { hours: null }, 'hours'],
      [`/api/courses/${course.id}`, { active: null }, 'active'],
      [`/api/groups/${group.id}`, { code: null }, 'code'],
      [`/api/groups/${group.id}`, { capacity: null }, 'capacity'],
      [`/api/groups/${group.id}`, { schedule: null }, 'schedule'],
      [`/api/users/${user.id}`, { fullName: null }, 'fullName'],
      [`/api/users/${user.id}`, { role: null }, 'role'],
      [`/api/users/${user.id}`, { active: null }, 'active'],
    ];
    for (const [path, body, field] of cases) {
      const response = await t.http().patch(path).set(bearer(admin)).send(body);
      expect([path, field, response.status]).toEqual([path, field, 400]);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Nullable fields may still be cleared.
    const cleared = await t
      .http()
      .patch(`/api/trainees/${trainee.id}`)
      .set(bearer(admin))
      .send({ patronymic: null, phone: null });
    expect(cleared.status).toBe(200);
    const workshop = await t
      .http()
      .patch(`/api/groups/${group.id}`)
      .set(bearer(admin))
      .send({ workshopId: null });
    expect(workshop.status).toBe(200);
    // The no-op user PATCH above did not sign the user out.
    expect((await t.http().get('/api/auth/me').set(bearer(user.token))).status).toBe(200);
  });

  it('refuses a NUL character anywhere, the public sign-in included', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'a\u0000b@x.kz', password: 'whatever-123' });
    expect(login.status).toBe(400);
    expect(login.body.errors[0]).toEqual({
      field: 'email',
      code: 'field.control_character',
      message: 'Contains a forbidden control character',
    });
    const trainee = await t
      .http()
      .post('/api/trainees')
      .set(bearer(admin))
      .send({ iin: freshIin(), lastName: 'A\u0000B', firstName: 'C', consent: true });
    expect(trainee.status).toBe(400);
    expect(trainee.body.errors[0].field).toBe('lastName');
    const nested = await t
      .http()
      .post('/api/groups')
      .set(bearer(admin))
      .send({ schedule: [{ weekday: 1, startTime: '10:00\u0000', endTime: '11:00' }] });
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].field).toBe('schedule.0.startTime');
    const query = await t.http().get('/api/trainees?search=%00').set(bearer(admin));
    expect(query.status).toBe(400);
  });

  it('names the path parameter that is not a UUID', async () => {
    const response = await t.http().get('/api/groups/not-a-uuid').set(bearer(admin));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'id', code: 'field.uuid', message: 'Must be a UUID' },
    ]);
  });
});
