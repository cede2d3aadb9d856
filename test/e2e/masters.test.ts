import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

describe('masters', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const assign = (groupId: string, masterId: string) =>
    t.http().put(`/api/groups/${groupId}/master`).set(bearer(staff)).send({ masterId });

  it('lists masters of a craft with their crafts and current groups', async () => {
    const jeweller = await signedIn(t, 'master', { crafts: ['jewelry'] });
    const potter = await signedIn(t, 'master', { crafts: ['pottery'] });
    const group = await createGroup(t.dataSource, {
      courseId: (await createCourse(t.dataSource, { craft: 'jewelry' })).id,
      masterId: jeweller.id,
    });
    const response = await t.http().get('/api/masters?craft=jewelry').set(bearer(staff));
    expect(response.status).toBe(200);
    const ids = response.body.map((m: { id: string }) => m.id);
    expect(ids).toContain(jeweller.id);
    expect(ids).not.toContain(potter.id);
    const entry = response.body.find((m: { id: string }) => m.id === jeweller.id);
    expect(entry.crafts).toEqual(['jewelry']);
    expect(entry.currentGroups).toEqual([
      expect.objectContaining({ id: group.id, code: group.code }),
    ]);
  });

  it('refuses a master who is not qualified for the craft, naming the reason', async () => {
    const potter = await signedIn(t, 'master', { crafts: ['pottery'] });
    const group = await createGroup(t.dataSource, {
      courseId: (await createCourse(t.dataSource, { craft: 'leather' })).id,
    });
    const response = await assign(group.id, potter.id);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'master.not_qualified',
      params: { master: expect.any(String) },
    });
  });

  it('refuses a master whose other group overlaps in dates and time slots, naming that group', async () => {
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    const first = await createGroup(t.dataSource, {
      schedule: [{ weekday: 2, startTime: '10:00', endTime: '13:00' }],
    });
    expect((await assign(first.id, master.id)).status).toBe(200);
    const clash = await createGroup(t.dataSource, {
      startDate: '2026-10-01',
      endDate: '2027-01-31',
      schedule: [{ weekday: 2, startTime: '12:00', endTime: '14:00' }],
    });
    const refused = await assign(clash.id, master.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(first.code);
    // Same dates, other hours: fine.
    const afternoon = await createGroup(t.dataSource, {
      schedule: [{ weekday: 2, startTime: '14:00', endTime: '17:00' }],
    });
    expect((await assign(afternoon.id, master.id)).status).toBe(200);
    // Moving that group onto the first one's hours is refused too.
    const moved = await t
      .http()
      .patch(`/api/groups/${afternoon.id}`)
      .set(bearer(staff))
      .send({ schedule: [{ weekday: 2, startTime: '11:00', endTime: '12:00' }] });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain(first.code);
  });

  it('never assigns one master to two overlapping groups, even in parallel', async () => {
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    const groups = await Promise.all(Array.from({ length: 6 }, () => createGroup(t.dataSource)));
    const responses = await Promise.all(groups.map((g) => assign(g.id, master.id)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
  });

  it('never lets a timetable change and an assignment in parallel give one master two overlapping groups', async () => {
    for (let round = 0; round < 5; round += 1) {
      const master = await signedIn(t, 'master', { crafts: ['pottery'] });
      const mine = await createGroup(t.dataSource, {
        masterId: master.id,
        schedule: [{ weekday: 2, startTime: '10:00', endTime: '12:00' }],
      });
      const other = await createGroup(t.dataSource, {
        schedule: [{ weekday: 4, startTime: '10:00', endTime: '12:00' }],
      });
      const [moved, assigned] = await Promise.all([
        t
          .http()
          .patch(`/api/groups/${mine.id}`)
          .set(bearer(staff))
          .send({ schedule: [{ weekday: 4, startTime: '11:00', endTime: '13:00' }] }),
        assign(other.id, master.id),
      ]);
      expect([moved.status, assigned.status].sort()).toEqual([200, 409]);
    }
  });

  it('a master sees only their own groups and rosters', async () => {
    const mine = await signedIn(t, 'master', { crafts: ['pottery'] });
    const other = await signedIn(t, 'master', { crafts: ['pottery'] });
    const myGroup = await createGroup(t.dataSource, { masterId: mine.id });
    const otherGroup = await createGroup(t.dataSource, { masterId: other.id });
    const trainee = await createTrainee(t.dataSource);
    await t
      .http()
      .post(`/api/groups/${otherGroup.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });

    const list = await t.http().get('/api/groups?limit=100').set(bearer(mine.token));
    expect(list.body.items.map((g: { id: string }) => g.id)).toEqual([myGroup.id]);
    expect((await t.http().get(`/api/groups/${myGroup.id}`).set(bearer(mine.token))).status).toBe(
      200,
    );
    // Another master's group, its roster, lessons and sheet: 403, and no trainee in the answer.
    for (const path of ['', '/enrollments', '/lessons', '/attendance', '/attendance?format=csv']) {
      const response = await t
        .http()
        .get(`/api/groups/${otherGroup.id}${path}`)
        .set(bearer(mine.token));
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.text).not.toContain(trainee.lastName);
    }
    expect(
      (await t.http().get(`/api/groups/${myGroup.id}/enrollments`).set(bearer(mine.token))).status,
    ).toBe(200);
  });

  it('refuses an unknown master with 404 and a non-master with 404', async () => {
    const group = await createGroup(t.dataSource);
    const staffUser = await signedIn(t, 'staff');
    expect((await assign(group.id, staffUser.id)).status).toBe(404);
    expect((await assign(group.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await assign(group.id, 'nope')).status).toBe(400);
  });
});
