import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

describe('enrollment and the waitlist', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const enroll = (groupId: string, traineeId: string) =>
    t.http().post(`/api/groups/${groupId}/enrollments`).set(bearer(staff)).send({ traineeId });
  const withdraw = (enrollmentId: string, reason = 'found a job') =>
    t.http().post(`/api/enrollments/${enrollmentId}/withdraw`).set(bearer(staff)).send({ reason });
  const roster = async (groupId: string) =>
    (await t.http().get(`/api/groups/${groupId}/enrollments?limit=100`).set(bearer(staff))).body
      .items as {
      id: string;
      traineeId: string;
      status: string;
      waitlistPosition: number | null;
    }[];
  const seats = async (groupId: string) =>
    (await t.http().get(`/api/groups/${groupId}`).set(bearer(staff))).body.seats as {
      capacity: number;
      active: number;
      waitlisted: number;
    };

  it('seats trainees while seats remain, then waitlists them 1, 2, 3', async () => {
    const group = await createGroup(t.dataSource, { capacity: 2 });
    const results = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await enroll(group.id, (await createTrainee(t.dataSource)).id);
      expect(response.status).toBe(201);
      results.push([response.body.status, response.body.waitlistPosition]);
    }
    expect(results).toEqual([
      ['active', null],
      ['active', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    expect(await seats(group.id)).toEqual({ capacity: 2, active: 2, waitlisted: 3 });
  });

  it('refuses a second enrollment of one trainee into one group with 409, active or waitlisted', async () => {
    const group = await createGroup(t.dataSource, { capacity: 1 });
    const first = await createTrainee(t.dataSource);
    const second = await createTrainee(t.dataSource);
    expect((await enroll(group.id, first.id)).status).toBe(201);
    expect((await enroll(group.id, second.id)).body.status).toBe('waitlisted');
    const again = await enroll(group.id, first.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'enrollment.already_enrolled',
      params: { group: group.code, status: 'active' },
    });
    const waitAgain = await enroll(group.id, second.id);
    expect(waitAgain.status).toBe(409);
    expect(waitAgain.body.params).toEqual({ group: group.code, status: 'waitlisted' });
    expect(await seats(group.id)).toEqual({ capacity: 1, active: 1, waitlisted: 1 });
  });

  it('refuses a trainee active in an overlapping group, naming it; a group at other hours is fine', async () => {
    const trainee = await createTrainee(t.dataSource);
    const morning = await createGroup(t.dataSource);
    expect((await enroll(morning.id, trainee.id)).status).toBe(201);
    const clash = await createGroup(t.dataSource, {
      schedule: [{ weekday: 3, startTime: '12:00', endTime: '15:00' }],
    });
    const refused = await enroll(clash.id, trainee.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'enrollment.schedule_overlap',
      params: { other: morning.code, group: clash.code },
    });
    expect(refused.body.message).toContain(morning.code);
    expect(await seats(clash.id)).toEqual({ capacity: 8, active: 0, waitlisted: 0 });
    const evening = await createGroup(t.dataSource, {
      schedule: [{ weekday: 3, startTime: '18:00', endTime: '20:00' }],
    });
    expect((await enroll(evening.id, trainee.id)).status).toBe(201);
  });

  it('enrolls only while the group is open or in progress', async () => {
    const trainee = await createTrainee(t.dataSource);
    for (const status of ['planned', 'completed', 'cancelled'] as const) {
      const group = await createGroup(t.dataSource, { status });
      const response = await enroll(group.id, trainee.id);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'group.not_enrolling',
        params: { group: group.code, status },
      });
      expect(response.body.message).toContain(group.code);
    }
    const running = await createGroup(t.dataSource, { status: 'in_progress' });
    expect((await enroll(running.id, trainee.id)).status).toBe(201);
  });

  it('answers unknown group and trainee with 404 and malformed ids with 400, changing nothing', async () => {
    const group = await createGroup(t.dataSource);
    const trainee = await createTrainee(t.dataSource);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM enrollments');
    expect((await enroll('5b0e9a38-8f7a-4f1e-9d6b-0c1d2e3f4a5b', trainee.id)).status).toBe(404);
    expect((await enroll(group.id, '5b0e9a38-8f7a-4f1e-9d6b-0c1d2e3f4a5b')).status).toBe(404);
    expect((await enroll('nope', trainee.id)).status).toBe(400);
    const badBody = await enroll(group.id, 'nope');
    expect(badBody.status).toBe(400);
    expect(badBody.body.errors[0].field).toBe('traineeId');
    const extra = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id, status: 'active' });
    expect(extra.status).toBe(400);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM enrollments')).toEqual(before);
    expect(await seats(group.id)).toEqual({ capacity: 8, active: 0, waitlisted: 0 });
  });

  it('withdrawing an active trainee promotes the first waitlisted one and closes the gap', async () => {
    const group = await createGroup(t.dataSource, { capacity: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id);
    const withdrawn = await withdraw(ids[0]!);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const list = await roster(group.id);
    const byId = Object.fromEntries(list.map((e) => [e.id, [e.status, e.waitlistPosition]]));
    expect(byId).toEqual({
      [ids[0]!]: ['withdrawn', null],
      [ids[1]!]: ['active', null],
      [ids[2]!]: ['active', null],
      [ids[3]!]: ['waitlisted', 1],
      [ids[4]!]: ['waitlisted', 2],
    });
    expect(await seats(group.id)).toEqual({ capacity: 2, active: 2, waitlisted: 2 });
    const again = await withdraw(ids[0]!);
    expect(again.status).toBe(409);
  });

  it('withdrawing a waitlisted trainee closes the gap behind them', async () => {
    const group = await createGroup(t.dataSource, { capacity: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1)
      ids.push((await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id);
    expect((await withdraw(ids[2]!)).status).toBe(200);
    const list = await roster(group.id);
    expect(
      list.filter((e) => e.status === 'waitlisted').map((e) => [e.id, e.waitlistPosition]),
    ).toEqual([
      [ids[1], 1],
      [ids[3], 2],
    ]);
    expect(await seats(group.id)).toEqual({ capacity: 1, active: 1, waitlisted: 2 });
  });

  it('passes over a waitlisted trainee who became active in an overlapping group', async () => {
    const group = await createGroup(t.dataSource, { capacity: 1 });
    const seated = (await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id;
    const busy = await createTrainee(t.dataSource);
    const free = await createTrainee(t.dataSource);
    const busyEnrollment = (await enroll(group.id, busy.id)).body;
    const freeEnrollment = (await enroll(group.id, free.id)).body;
    expect([busyEnrollment.waitlistPosition, freeEnrollment.waitlistPosition]).toEqual([1, 2]);
    // Meanwhile the first on the waitlist takes a seat in a group at the same hours.
    const other = await createGroup(t.dataSource);
    expect((await enroll(other.id, busy.id)).body.status).toBe('active');
    await withdraw(seated);
    const list = await roster(group.id);
    const state = Object.fromEntries(list.map((e) => [e.id, [e.status, e.waitlistPosition]]));
    expect(state[freeEnrollment.id]).toEqual(['active', null]);
    expect(state[busyEnrollment.id]).toEqual(['waitlisted', 1]);
  });

  it('raising the capacity moves trainees up from the waitlist; lowering it below the active count is 409', async () => {
    const group = await createGroup(t.dataSource, { capacity: 2 });
    for (let i = 0; i < 5; i += 1) await enroll(group.id, (await createTrainee(t.dataSource)).id);
    const raised = await t
      .http()
      .patch(`/api/groups/${group.id}`)
      .set(bearer(staff))
      .send({ capacity: 4 });
    expect(raised.status).toBe(200);
    expect(raised.body.seats).toEqual({ capacity: 4, active: 4, waitlisted: 1 });
    const list = await roster(group.id);
    expect(list.filter((e) => e.status === 'waitlisted').map((e) => e.waitlistPosition)).toEqual([
      1,
    ]);
    const lowered = await t
      .http()
      .patch(`/api/groups/${group.id}`)
      .set(bearer(staff))
      .send({ capacity: 3 });
    expect(lowered.status).toBe(409);
    expect(lowered.body).toMatchObject({
      code: 'group.capacity_below_active',
      params: { active: 4, capacity: 3 },
    });
  });

  it('cancelling a group withdraws its active and waitlisted trainees', async () => {
    const group = await createGroup(t.dataSource, { capacity: 1 });
    await enroll(group.id, (await createTrainee(t.dataSource)).id);
    await enroll(group.id, (await createTrainee(t.dataSource)).id);
    const cancelled = await t.http().post(`/api/groups/${group.id}/cancel`).set(bearer(staff));
    expect(cancelled.body.seats).toEqual({ capacity: 1, active: 0, waitlisted: 0 });
    expect((await roster(group.id)).map((e) => e.status)).toEqual(['withdrawn', 'withdrawn']);
  });

  it('writes an audit row for enrollment, withdrawal and promotion', async () => {
    const group = await createGroup(t.dataSource, { capacity: 1 });
    const first = (await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id;
    const second = (await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id;
    await withdraw(first, 'moved to Astana');
    const rows = await t.dataSource.query(
      `SELECT entity_id, action FROM audit_log WHERE entity = 'enrollment' AND entity_id = ANY($1) ORDER BY id`,
      [[first, second]],
    );
    expect(rows.map((r: { entity_id: string; action: string }) => [r.entity_id, r.action])).toEqual(
      [
        [first, 'enroll'],
        [second, 'enroll'],
        [first, 'withdraw'],
        [second, 'promote'],
      ],
    );
  });

  it('refuses a withdrawal without a reason', async () => {
    const group = await createGroup(t.dataSource);
    const id = (await enroll(group.id, (await createTrainee(t.dataSource)).id)).body.id;
    const response = await t
      .http()
      .post(`/api/enrollments/${id}/withdraw`)
      .set(bearer(staff))
      .send({});
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('reason');
  });

  it('refuses a new timetable that would put an active trainee in two overlapping groups', async () => {
    const monday = [{ weekday: 1, startTime: '10:00', endTime: '13:00' }];
    const tuesday = [{ weekday: 2, startTime: '10:00', endTime: '13:00' }];
    const a = await createGroup(t.dataSource, { schedule: monday });
    const b = await createGroup(t.dataSource, { schedule: tuesday });
    const trainee = await createTrainee(t.dataSource, { lastName: 'Қасымова' });
    expect((await enroll(a.id, trainee.id)).status).toBe(201);
    expect((await enroll(b.id, trainee.id)).status).toBe(201);
    const moved = await t
      .http()
      .patch(`/api/groups/${b.id}`)
      .set(bearer(staff))
      .send({ schedule: [{ weekday: 1, startTime: '11:00', endTime: '12:00' }] });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain('Қасымова');
    expect(moved.body.message).toContain(a.code);
    const after = await t.http().get(`/api/groups/${b.id}`).set(bearer(staff));
    expect(after.body.schedule).toEqual(tuesday);
    // Another hour of the same day is fine.
    const fine = await t
      .http()
      .patch(`/api/groups/${b.id}`)
      .set(bearer(staff))
      .send({ schedule: [{ weekday: 1, startTime: '14:00', endTime: '16:00' }] });
    expect(fine.status).toBe(200);
  });

  it('never lets a timetable change and an enrollment together make an overlap', async () => {
    for (let round = 0; round < 10; round += 1) {
      const a = await createGroup(t.dataSource, {
        schedule: [{ weekday: 3, startTime: '10:00', endTime: '13:00' }],
      });
      const b = await createGroup(t.dataSource, {
        schedule: [{ weekday: 4, startTime: '10:00', endTime: '13:00' }],
      });
      const trainee = await createTrainee(t.dataSource);
      expect((await enroll(b.id, trainee.id)).status).toBe(201);
      // At once: B moves onto A's morning, and the trainee enrolls into A.
      const [moved, enrolled] = await Promise.all([
        t
          .http()
          .patch(`/api/groups/${b.id}`)
          .set(bearer(staff))
          .send({ schedule: [{ weekday: 3, startTime: '09:00', endTime: '11:00' }] }),
        enroll(a.id, trainee.id),
      ]);
      // Exactly one of the two wins, whichever came first.
      const outcome = `${moved.status}/${enrolled.status}`;
      expect(['200/409', '409/201']).toContain(outcome);
      if (moved.status === 409) expect(moved.body.message).toContain(a.code);
      else expect(enrolled.body.message).toContain(b.code);
    }
  });
});
