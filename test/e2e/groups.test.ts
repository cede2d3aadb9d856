import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, todayIn } from '../../libs/common/src';
import { createCourse, createGroup, createWorkshop, MON_WED_MORNING } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

describe('courses and groups', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores Kazakh and Russian course text exactly as given, and any user can read it', async () => {
    const created = await t.http().post('/api/courses').set(bearer(staff)).send({
      craft: 'felt',
      title: 'Киіз басу: сырмақ пен текемет',
      description: 'Войлок: ширдак и текемет. Әжелеріміздің өнері.',
      hours: 96,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      craft: 'felt',
      title: 'Киіз басу: сырмақ пен текемет',
      description: 'Войлок: ширдак и текемет. Әжелеріміздің өнері.',
      hours: 96,
      minAttendancePercent: 80,
      active: true,
    });
    const officer = await signedIn(t, 'officer');
    const read = await t.http().get(`/api/courses/${created.body.id}`).set(bearer(officer.token));
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('Киіз басу: сырмақ пен текемет');
    const list = await t.http().get('/api/courses?craft=felt&limit=100').set(bearer(officer.token));
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const patch = await t
      .http()
      .patch(`/api/courses/${created.body.id}`)
      .set(bearer(staff))
      .send({ minAttendancePercent: 75 });
    expect(patch.body.minAttendancePercent).toBe(75);
    const unknownCraft = await t
      .http()
      .post('/api/courses')
      .set(bearer(staff))
      .send({ craft: 'glass', title: 'x', hours: 1 });
    expect(unknownCraft.status).toBe(400);
    expect(unknownCraft.body.errors[0].field).toBe('craft');
  });

  it('creates a planned group with its seats and refuses a taken code with 409', async () => {
    const course = await createCourse(t.dataSource);
    const workshop = await createWorkshop(t.dataSource);
    const body = {
      courseId: course.id,
      code: `jw-2026-${Date.now() % 100000}`,
      workshopId: workshop.id,
      startDate: '2026-09-01',
      endDate: '2026-11-30',
      schedule: [
        { weekday: 3, startTime: '14:00', endTime: '17:00' },
        { weekday: 1, startTime: '10:00', endTime: '13:00' },
      ],
      capacity: 6,
    };
    const created = await t.http().post('/api/groups').set(bearer(staff)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: body.code.toUpperCase(),
      status: 'planned',
      capacity: 6,
      seats: { capacity: 6, active: 0, waitlisted: 0 },
      course: { id: course.id, craft: 'pottery' },
      master: null,
      workshop: { id: workshop.id, name: workshop.name, workplaces: 8 },
    });
    expect(created.body.schedule[0]).toEqual({ weekday: 1, startTime: '10:00', endTime: '13:00' });
    // Elsewhere, so that the code is what is refused (the same workshop at the same time is too).
    const again = await t
      .http()
      .post('/api/groups')
      .set(bearer(staff))
      .send({ ...body, workshopId: null });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('A group with this code already exists');
  });

  it('the database itself refuses a capacity of 9 or 0, even from raw SQL', async () => {
    const group = await createGroup(t.dataSource);
    for (const capacity of [9, 0]) {
      await expect(
        t.dataSource.query('UPDATE groups SET capacity = $1 WHERE id = $2', [capacity, group.id]),
      ).rejects.toMatchObject({
        driverError: { constraint: 'ck_group_capacity_max_8' },
      });
    }
    await expect(
      t.dataSource.query('UPDATE groups SET active_count = 9 WHERE id = $1', [group.id]),
    ).rejects.toMatchObject({
      driverError: { constraint: 'ck_group_active_within_capacity' },
    });
  });

  it('moves through planned → open → in_progress → completed and refuses every other step with 409', async () => {
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    // A group that has run (no lessons of its own here): completion waits for its end date.
    const today = todayIn('Asia/Almaty');
    const group = await createGroup(t.dataSource, {
      status: 'planned',
      startDate: addDays(today, -60),
      endDate: addDays(today, -1),
    });
    const step = (action: string) =>
      t.http().post(`/api/groups/${group.id}/${action}`).set(bearer(staff));

    expect((await step('start')).status).toBe(409);
    expect((await step('complete')).status).toBe(409);
    const opened = await step('open');
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect((await step('open')).status).toBe(409);

    const withoutMaster = await step('start');
    expect(withoutMaster.status).toBe(409);
    expect(withoutMaster.body.message).toMatch(/no master/);
    const assigned = await t
      .http()
      .put(`/api/groups/${group.id}/master`)
      .set(bearer(staff))
      .send({ masterId: master.id });
    expect(assigned.status).toBe(200);
    expect((await step('start')).body.status).toBe('in_progress');
    expect((await step('complete')).body.status).toBe('completed');
    for (const action of ['open', 'start', 'complete', 'cancel']) {
      const refused = await step(action);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'group.wrong_status',
        params: { group: group.code, status: 'completed' },
      });
    }
    const patch = await t
      .http()
      .patch(`/api/groups/${group.id}`)
      .set(bearer(staff))
      .send({ capacity: 5 });
    expect(patch.status).toBe(409);
  });

  it('cancels from planned, open or in_progress', async () => {
    for (const status of ['planned', 'open', 'in_progress'] as const) {
      const group = await createGroup(t.dataSource, { status });
      const cancelled = await t.http().post(`/api/groups/${group.id}/cancel`).set(bearer(staff));
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
    }
  });

  it.each([
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['capacity 9', { capacity: 9 }, 'capacity'],
    ['an end date before the start', { startDate: '2026-10-01', endDate: '2026-09-30' }, 'endDate'],
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
    [
      'a malformed time',
      { schedule: [{ weekday: 1, startTime: '9:00', endTime: '12:00' }] },
      'schedule.0.startTime',
    ],
    [
      'an hour 24',
      { schedule: [{ weekday: 1, startTime: '10:00', endTime: '24:00' }] },
      'schedule.0.endTime',
    ],
    [
      'weekday 8',
      { schedule: [{ weekday: 8, startTime: '10:00', endTime: '12:00' }] },
      'schedule.0.weekday',
    ],
    [
      'weekday 0',
      { schedule: [{ weekday: 0, startTime: '10:00', endTime: '12:00' }] },
      'schedule.0.weekday',
    ],
    [
      'an end time before the start time',
      { schedule: [{ weekday: 1, startTime: '12:00', endTime: '10:00' }] },
      'schedule.0.endTime',
    ],
    ['an empty schedule', { schedule: [] }, 'schedule'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a wrong type', { capacity: '8' }, 'capacity'],
    ['a malformed course id', { courseId: 'abc' }, 'courseId'],
    ['a malformed workshop id', { workshopId: 'abc' }, 'workshopId'],
    ['a free-text room', { room: 'Шеберхана 2' }, 'room'],
    ['a code with spaces', { code: 'JW 2026' }, 'code'],
  ])(
    'refuses a group with %s (400 naming the field, nothing written)',
    async (_, change, field) => {
      const course = await createCourse(t.dataSource);
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM groups');
      const response = await t
        .http()
        .post('/api/groups')
        .set(bearer(staff))
        .send({
          courseId: course.id,
          code: `BAD-${Date.now()}`,
          startDate: '2026-09-01',
          endDate: '2026-11-30',
          schedule: MON_WED_MORNING,
          ...change,
        });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM groups')).toEqual(before);
    },
  );

  it('refuses a bad PATCH of a group and of a course with 400, changing nothing', async () => {
    const group = await createGroup(t.dataSource);
    for (const body of [
      { capacity: 9 },
      { endDate: '2020-01-01' },
      { schedule: [{ weekday: 1 }] },
      { status: 'completed' },
    ]) {
      const response = await t
        .http()
        .patch(`/api/groups/${group.id}`)
        .set(bearer(staff))
        .send(body);
      expect(response.status).toBe(400);
    }
    const course = await createCourse(t.dataSource);
    for (const body of [
      { hours: 0 },
      { minAttendancePercent: 101 },
      { title: '' },
      { title: 'x'.repeat(201) },
    ]) {
      const response = await t
        .http()
        .patch(`/api/courses/${course.id}`)
        .set(bearer(staff))
        .send(body);
      expect(response.status).toBe(400);
    }
    const [row] = await t.dataSource.query(
      'SELECT capacity, end_date::text FROM groups WHERE id = $1',
      [group.id],
    );
    expect(row).toEqual({ capacity: 8, end_date: '2026-12-20' });
  });
});
