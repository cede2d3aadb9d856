import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  screenshot,
  signIn,
  startBrowserStack,
} from '../support/browser';

const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

describe('a large attendance journal on the group page', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let group: { id: string; code: string };

  beforeAll(async () => {
    stack = await startBrowserStack({ worker: true });
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    const master = await createUser(stack.dataSource, 'master', { crafts: ['felt'] });
    const api = await stack.apiAs(staffEmail);
    const course = await createCourse(stack.dataSource, { craft: 'felt', title: 'Киіз басу' });
    // A lesson every day for ten weeks: more than 60, so the worker prepares the journal.
    group = await api<{ id: string; code: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: `JR-${Date.now().toString(36).toUpperCase()}`,
      startDate: centreToday(-70),
      endDate: centreToday(2),
      schedule: DAILY,
    });
    await api('PUT', `/api/groups/${group.id}/master`, { masterId: master.id });
    await api('POST', `/api/groups/${group.id}/open`);
    const trainee = await createTrainee(stack.dataSource, { lastName: 'Әбенова' });
    await api('POST', `/api/groups/${group.id}/enrollments`, { traineeId: trainee.id });
    await api('POST', `/api/groups/${group.id}/start`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('says it is being prepared, then downloads it when the worker is done', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('tab', { name: 'Attendance sheet' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      (async () => {
        await page.getByRole('button', { name: 'Attendance journal (PDF, to print)' }).click();
        await page
          .getByRole('status')
          .getByText(/^Being prepared/)
          .waitFor();
        await screenshot(page, 'staff-journal-preparing');
      })(),
    ]);
    expect(download.suggestedFilename()).toBe(`attendance-${group.code}.pdf`);
    await page.getByRole('status').waitFor({ state: 'detached' });
  });
});
