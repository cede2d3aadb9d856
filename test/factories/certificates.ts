import { SYSTEM_ACTOR } from '../../libs/common/src';
import { EnrollmentsService } from '../../libs/enrollments/src';
import { EnrollmentClosingService } from '../../libs/training/src';
import type { TestApp } from '../support/test-app';
import { createCourse, createGroup, createTrainee } from './catalog';

/**
 * `count` active enrollments in running groups of 8 (one course), enrolled through the real
 * service. Returns them per group: completing one group's trainees takes that group's lock.
 */
export async function activeEnrollmentsInGroups(t: TestApp, count: number): Promise<string[][]> {
  const course = await createCourse(t.dataSource);
  const enrollments = t.app.get(EnrollmentsService);
  const groupCount = Math.ceil(count / 8);
  return inParallel(
    Array.from({ length: groupCount }, (_, g) => g),
    async (g) => {
      const group = await createGroup(t.dataSource, { courseId: course.id, status: 'in_progress' });
      const ids: string[] = [];
      for (let i = g * 8; i < Math.min(count, g * 8 + 8); i += 1) {
        const trainee = await createTrainee(t.dataSource, { firstName: `Trainee ${i}` });
        ids.push((await enrollments.enrollTrainee(SYSTEM_ACTOR, group.id, trainee.id)).id);
      }
      return ids;
    },
  );
}

/**
 * Completes enrollments as `POST /api/enrollments/:id/complete` does (an admin's override; the
 * certificate and its outbox row are written in the completion, a worker's relay queues it), one
 * enrollment after another in parallel groups.
 */
export async function completeEnrollments(t: TestApp, groups: string[][]): Promise<void> {
  const completion = t.app.get(EnrollmentClosingService);
  await inParallel(groups, async (ids) => {
    for (const id of ids) {
      await completion.completeEnrollment(SYSTEM_ACTOR, id, {
        override: true,
        reason: 'reliability test',
      });
    }
  });
}

/**
 * Runs `work` for every item, at most PARALLEL at once, and answers the results in order. Groups
 * of a batch run side by side, as at a busy centre, but fewer than the test app's pool of 20
 * connections: with a whole machine's tests running beside them, more would wait past the pool's
 * 5 s connection timeout.
 */
const PARALLEL = 8;

async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
  return results;
}
