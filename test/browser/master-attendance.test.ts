import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createTrainee, createWorkshop } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

/** ISO weekday (Monday = 1) of a `YYYY-MM-DD` date. */
const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('a master on a phone', () => {
  let stack: BrowserStack;
  let masterEmail: string;
  let groupCode: string;
  let workshopName: string;
  const trainees = ['Серікова', 'Омаров', 'Қасымова'];

  beforeAll(async () => {
    stack = await startBrowserStack();
    const staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    const master = await createUser(stack.dataSource, 'master', { crafts: ['pottery'] });
    masterEmail = master.email;
    const api = await stack.apiAs(staffEmail);
    const today = centreToday();
    // A lesson today that has already begun, whatever the hour the test runs at.
    await api('DELETE', `/api/holidays/${today}`).catch(() => undefined);
    const course = await createCourse(stack.dataSource, { craft: 'pottery' });
    const workshop = await createWorkshop(stack.dataSource, { craft: 'pottery' });
    workshopName = workshop.name;
    groupCode = `PT-${Date.now().toString(36).toUpperCase()}`;
    const group = await api<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: groupCode,
      workshopId: workshop.id,
      // From today: a lesson that took place unmarked would count as held and not attended.
      startDate: today,
      endDate: centreToday(30),
      schedule: [{ weekday: isoWeekday(today), startTime: '00:00', endTime: '23:59' }],
    });
    await api('PUT', `/api/groups/${group.id}/master`, { masterId: master.id });
    await api('POST', `/api/groups/${group.id}/open`);
    for (const lastName of trainees) {
      const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Дана' });
      await api('POST', `/api/groups/${group.id}/enrollments`, { traineeId: trainee.id });
    }
    await api('POST', `/api/groups/${group.id}/start`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('marks today’s lesson with one tap per trainee and one save, on a 360 × 740 screen', async () => {
    const page = await stack.newPage({ mobile: true });
    await signIn(page, masterEmail);
    await page.getByRole('heading', { name: /^My lessons today/ }).waitFor();
    // Nothing runs off the side of a small phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // Where: the workshop the group is held in.
    expect(await shown(page.getByRole('main'), workshopName)).toContain(workshopName);
    await screenshot(page, 'master-today');

    await page
      .getByRole('button', { name: new RegExp(`^Mark attendance: ${groupCode} .+ 00:00$`) })
      .click();
    const save = page.getByRole('button', { name: 'Save' });
    const marks = { Серікова: 'Present', Омаров: 'Late', Қасымова: 'Absent' } as const;
    for (const [lastName, mark] of Object.entries(marks)) {
      expect(await save.isDisabled()).toBe(true);
      await page
        .getByRole('group', { name: `${lastName} Дана` })
        .getByText(mark)
        .tap();
    }
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'master-marking');
    await save.tap();
    expect(await shown(page.getByRole('status'), 'Attendance saved')).toBe('Attendance saved');

    // What the master sees afterwards: the lesson is marked, the rates count it.
    await page.getByRole('button', { name: 'Back' }).tap();
    await page.getByText('Marked', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('link', { name: 'My groups' }).tap();
    const card = page.getByLabel(groupCode);
    // Present 1 + late 1 + absent 0 of one lesson each: two of three at 100 %, one at 0 %.
    expect(await shown(card, 'Attendance: 67%')).toContain('Attendance: 67%');
    const rates = card.getByRole('table', { name: `Roster and waitlist: ${groupCode}` });
    const rows = (await rates.getByRole('row').allTextContents()).sort();
    expect(rows).toEqual(['Омаров Дана100%', 'Серікова Дана100%', 'Қасымова Дана0%']);
    await screenshot(page, 'master-groups');
  });
});
