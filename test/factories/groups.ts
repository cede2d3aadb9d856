import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { bearer } from '../support/http';
import type { TestApp } from '../support/test-app';
import { createCourse } from './catalog';

/** Every day of the week, `startTime`–`endTime` local time. */
export function daily(startTime = '00:00', endTime = '00:30') {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime, endTime }));
}

/**
 * A group made through the API, so its lessons are generated as staff would have them: a course
 * of `craft`, the given dates and daily lessons, then, as asked, a master, opened and started.
 * Returns the group's id and its lessons.
 */
export async function groupThroughApi(
  t: TestApp,
  staffToken: string,
  options: {
    startDate: string;
    endDate: string;
    craft?: string;
    courseTitle?: string;
    schedule?: ReturnType<typeof daily>;
    masterId?: string;
    open?: boolean;
    start?: boolean;
  },
): Promise<{ id: string; lessons: { id: string; date: string }[] }> {
  const course = await createCourse(t.dataSource, {
    craft: options.craft ?? 'pottery',
    ...(options.courseTitle && { title: options.courseTitle }),
  });
  const as = (request: ReturnType<ReturnType<TestApp['http']>['post']>) =>
    request.set(bearer(staffToken));
  const created = await as(t.http().post('/api/groups')).send({
    courseId: course.id,
    code: `TG-${randomUUID().slice(0, 8)}`,
    startDate: options.startDate,
    endDate: options.endDate,
    schedule: options.schedule ?? daily(),
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  if (options.masterId) {
    const assigned = await t
      .http()
      .put(`/api/groups/${id}/master`)
      .set(bearer(staffToken))
      .send({ masterId: options.masterId });
    expect(assigned.status).toBe(200);
  }
  if (options.open || options.start) {
    expect((await as(t.http().post(`/api/groups/${id}/open`))).status).toBe(200);
  }
  if (options.start) {
    expect((await as(t.http().post(`/api/groups/${id}/start`))).status).toBe(200);
  }
  const lessons = await t.http().get(`/api/groups/${id}/lessons?limit=100`).set(bearer(staffToken));
  return { id, lessons: lessons.body.items as { id: string; date: string }[] };
}
