import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, todayIn } from '../../libs/common/src';
import { daily, groupThroughApi } from '../factories/groups';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

interface MyLesson {
  id: string;
  date: string;
  startTime: string;
  marked: boolean;
  markingWindow: string;
  markableUntil: string;
  refusal: string | null;
  group: { id: string; code: string; course: { title: string; craft: string } };
}

describe("a master's lessons across groups", () => {
  let t: TestApp;
  let staff: string;
  const today = todayIn('Asia/Almaty');

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  /** An open group of the master's, with one lesson a day at `startTime`. */
  const groupOf = async (masterId: string, startTime: string, endTime: string) =>
    (
      await groupThroughApi(t, staff, {
        craft: 'leather',
        courseTitle: 'Былғары',
        startDate: addDays(today, -20),
        endDate: addDays(today, 20),
        schedule: daily(startTime, endTime),
        masterId,
        open: true,
      })
    ).id;

  it('lists the last and the coming week of every own group in one answer, in time order', async () => {
    const master = await signedIn(t, 'master', { crafts: ['leather'] });
    const other = await signedIn(t, 'master', { crafts: ['leather'] });
    const morning = await groupOf(master.id, '00:00', '00:30');
    const evening = await groupOf(master.id, '23:00', '23:30');
    const theirs = await groupOf(other.id, '00:00', '00:30');

    const response = await t.http().get('/api/lessons/mine').set(bearer(master.token));
    expect(response.status).toBe(200);
    const items = response.body.items as MyLesson[];
    const groups = new Set(items.map((l) => l.group.id));
    expect(groups).toEqual(new Set([morning, evening]));
    expect(groups.has(theirs)).toBe(false);
    // Both groups hold a lesson each day from a week ago to a week ahead, holidays aside.
    const holidays = new Set<string>();
    for (const year of new Set([addDays(today, -7).slice(0, 4), addDays(today, 7).slice(0, 4)])) {
      const listed = await t.http().get(`/api/holidays?year=${year}`).set(bearer(staff));
      for (const h of listed.body as { date: string }[]) holidays.add(h.date);
    }
    const days: string[] = [];
    for (let d = addDays(today, -7); d <= addDays(today, 7); d = addDays(d, 1)) {
      if (!holidays.has(d)) days.push(d);
    }
    expect(items.map((l) => l.date)).toEqual(days.flatMap((d) => [d, d]));
    const keys = items.map((l) => `${l.date} ${l.startTime}`);
    expect(keys).toEqual([...keys].sort());
    expect(items[0]!.group.course).toEqual({ title: 'Былғары', craft: 'leather' });

    const window = (date: string, time: string) =>
      items.find((l) => l.date === date && l.startTime === time)?.markingWindow;
    expect(window(days[0]!, '00:00')).toBe('open');
    expect(window(days[days.length - 1]!, '00:00')).toBe('not_started');
    expect(response.body).toMatchObject({
      today,
      from: addDays(today, -7),
      to: addDays(today, 7),
    });
    const first = items[0]!;
    expect(first).toMatchObject({ markableUntil: addDays(first.date, 7), refusal: null });
    expect(items[items.length - 1]!.refusal).toBe('lesson.not_started');

    const older = await t
      .http()
      .get(`/api/lessons/mine?from=${addDays(today, -15)}&to=${addDays(today, -9)}`)
      .set(bearer(master.token));
    expect(older.status).toBe(200);
    expect((older.body.items as MyLesson[]).every((l) => l.markingWindow === 'closed')).toBe(true);
    expect(
      (older.body.items as MyLesson[]).every((l) => l.refusal === 'lesson.marking_window_closed'),
    ).toBe(true);
  });

  it('says that a lesson of a group not yet opened cannot be marked', async () => {
    const master = await signedIn(t, 'master', { crafts: ['felt'] });
    const planned = await groupThroughApi(t, staff, {
      craft: 'felt',
      startDate: addDays(today, -3),
      endDate: addDays(today, 3),
      schedule: daily('00:00', '00:30'),
      masterId: master.id,
    });
    const response = await t.http().get('/api/lessons/mine').set(bearer(master.token));
    const yesterday = (response.body.items as MyLesson[]).find(
      (l) => l.group.id === planned.id && l.date === addDays(today, -1),
    );
    expect(yesterday).toMatchObject({ markingWindow: 'open', refusal: 'group.not_running' });
  });

  it('refuses a range over 31 days or backwards, naming the field, and staff', async () => {
    const master = await signedIn(t, 'master', { crafts: ['leather'] });
    for (const query of [
      `from=${today}&to=${addDays(today, 32)}`,
      `from=${today}&to=${addDays(today, -1)}`,
    ]) {
      const response = await t.http().get(`/api/lessons/mine?${query}`).set(bearer(master.token));
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('to');
    }
    expect((await t.http().get('/api/lessons/mine').set(bearer(staff))).status).toBe(403);
  });
});
