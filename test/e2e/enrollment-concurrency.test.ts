import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, createTrainees } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';

/** Requests fired in parallel against real PostgreSQL: the seat cap and the waitlist hold. */
describe('enrollment under concurrency', () => {
  let t: TestApp;
  let staff: { email: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
  });
  afterAll(async () => {
    await t.close();
  });

  async function groupState(groupId: string) {
    const rows = await t.dataSource.query<{ status: string; waitlist_position: number | null }[]>(
      `SELECT status, waitlist_position FROM enrollments WHERE group_id = $1 AND status IN ('active', 'waitlisted')`,
      [groupId],
    );
    const [counters] = await t.dataSource.query<{ active_count: number; waitlist_count: number }[]>(
      'SELECT active_count, waitlist_count FROM groups WHERE id = $1',
      [groupId],
    );
    return {
      active: rows.filter((r) => r.status === 'active').length,
      positions: rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlist_position!)
        .sort((a, b) => a - b),
      counters,
    };
  }

  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('100 parallel enrollments into a group of 8: exactly 8 active and 92 waitlisted at 1..92', async () => {
    const group = await createGroup(t.dataSource, { capacity: 8 });
    const trainees = await createTrainees(t.dataSource, 100);
    const responses = await Promise.all(
      trainees.map((traineeId) =>
        t
          .http()
          .post(`/api/groups/${group.id}/enrollments`)
          .set(bearer(staff.token))
          .send({ traineeId }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(responses.filter((r) => r.body.status === 'active')).toHaveLength(8);
    expect(
      responses
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.waitlistPosition as number)
        .sort((a, b) => a - b),
    ).toEqual(range(92));
    const state = await groupState(group.id);
    expect(state).toEqual({
      active: 8,
      positions: range(92),
      counters: { active_count: 8, waitlist_count: 92 },
    });
  });

  it('50 parallel identical requests give one enrollment and 49 × 409', async () => {
    const group = await createGroup(t.dataSource);
    const [traineeId] = await createTrainees(t.dataSource, 1);
    const responses = await Promise.all(
      range(50).map(() =>
        t
          .http()
          .post(`/api/groups/${group.id}/enrollments`)
          .set(bearer(staff.token))
          .send({ traineeId }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await groupState(group.id)).toEqual({
      active: 1,
      positions: [],
      counters: { active_count: 1, waitlist_count: 0 },
    });
  });

  it('200 parallel requests over 25 groups leave no group above its capacity', async () => {
    const groups = await Promise.all(
      range(25).map((i) => createGroup(t.dataSource, { capacity: (i % 8) + 1 })),
    );
    const trainees = await createTrainees(t.dataSource, 200);
    const responses = await Promise.all(
      trainees.map((traineeId, i) =>
        t
          .http()
          .post(`/api/groups/${groups[i % 25]!.id}/enrollments`)
          .set(bearer(staff.token))
          .send({ traineeId }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    for (const group of groups) {
      const state = await groupState(group.id);
      // 8 requests per group: the seats fill up to the capacity, the rest wait in order.
      expect(state.active).toBe(group.capacity);
      expect(state.positions).toEqual(range(8 - group.capacity));
      expect(state.counters).toEqual({
        active_count: group.capacity,
        waitlist_count: 8 - group.capacity,
      });
    }
  });

  it('parallel withdrawals never promote the same person twice', async () => {
    const group = await createGroup(t.dataSource, { capacity: 4 });
    const trainees = await createTrainees(t.dataSource, 14);
    const enrollments: { id: string; status: string }[] = [];
    for (const traineeId of trainees) {
      const response = await t
        .http()
        .post(`/api/groups/${group.id}/enrollments`)
        .set(bearer(staff.token))
        .send({ traineeId });
      enrollments.push(response.body);
    }
    const active = enrollments.filter((e) => e.status === 'active');
    expect(active).toHaveLength(4);
    const responses = await Promise.all(
      active.map((e) =>
        t
          .http()
          .post(`/api/enrollments/${e.id}/withdraw`)
          .set(bearer(staff.token))
          .send({ reason: 'parallel' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const promotions = await t.dataSource.query<{ entity_id: string; n: number }[]>(
      `SELECT entity_id, count(*)::int AS n FROM audit_log WHERE action = 'promote' AND entity_id = ANY($1) GROUP BY entity_id`,
      [enrollments.map((e) => e.id)],
    );
    expect(promotions).toHaveLength(4);
    expect(promotions.every((p) => p.n === 1)).toBe(true);
    // The first four of the waitlist were promoted; the other six moved up to 1..6.
    const firstFour = enrollments
      .slice(4, 8)
      .map((e) => e.id)
      .sort();
    expect(promotions.map((p) => p.entity_id).sort()).toEqual(firstFour);
    expect(await groupState(group.id)).toEqual({
      active: 4,
      positions: range(6),
      counters: { active_count: 4, waitlist_count: 6 },
    });
  });

  describe('across two API processes sharing the database', () => {
    const apis: RunningProcess[] = [];
    const bases: string[] = [];

    beforeAll(async () => {
      assertBuilt();
      for (let i = 0; i < 2; i += 1) {
        const port = await freePort();
        apis.push(
          startProcess(BUILT.api, [], { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
        );
        bases.push(`http://127.0.0.1:${port}`);
      }
      await Promise.all(bases.map((base) => waitForHttp(`${base}/api/health`)));
    });
    afterAll(async () => {
      for (const api of apis) api.child.kill('SIGTERM');
      await Promise.all(apis.map((api) => api.exited));
    });

    it('100 parallel enrollments split between them: exactly 8 active and 92 waitlisted at 1..92', async () => {
      const group = await createGroup(t.dataSource, { capacity: 8 });
      const trainees = await createTrainees(t.dataSource, 100);
      const responses = await Promise.all(
        trainees.map(async (traineeId, i) => {
          const response = await fetch(`${bases[i % 2]}/api/groups/${group.id}/enrollments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...bearer(staff.token) },
            body: JSON.stringify({ traineeId }),
          });
          return {
            status: response.status,
            body: (await response.json()) as { status: string; waitlistPosition: number | null },
          };
        }),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
      expect(responses.filter((r) => r.body.status === 'active')).toHaveLength(8);
      const state = await groupState(group.id);
      expect(state).toEqual({
        active: 8,
        positions: range(92),
        counters: { active_count: 8, waitlist_count: 92 },
      });
    });
  });
});
