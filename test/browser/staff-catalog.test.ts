import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { createCourse, createGroup, createWorkshop, MON_WED_MORNING } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type ApiClient,
  type BrowserStack,
  fitsTheWindow,
  screenshot,
  shown,
  signIn,
  signedInPage,
  startBrowserStack,
} from '../support/browser';

interface GroupDetail {
  id: string;
  code: string;
  workshop: { id: string; name: string; workplaces: number } | null;
  startDate: string;
  endDate: string;
  capacity: number;
  status: string;
  masterId: string | null;
  schedule: { weekday: number; startTime: string; endTime: string }[];
}

/** ISO weekday (Monday = 1) of a `YYYY-MM-DD` date. */
const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Picks an option of a Mantine select: opens it, then clicks the option by its name. */
async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('staff keeping the catalogue: courses, groups and their masters', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let staff: ApiClient;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    staff = await stack.apiAs(staffEmail);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('adds courses titled in Kazakh and in Russian; a refused field says why beside it', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    // The list shows souvenir courses only, before and after each new one.
    await choose(page, page.getByRole('combobox', { name: 'Craft' }), 'Souvenir making');
    const kazakh = `Ағаш оюы және кәдесый ${suffix}`;
    const russian = `Резьба по дереву ${suffix}`;

    await page.getByRole('button', { name: 'New course' }).click();
    const form = page.getByRole('dialog', { name: 'New course' });
    await choose(page, form.getByRole('combobox', { name: 'Craft' }), 'Souvenir making');
    await form.getByRole('textbox', { name: 'Title' }).fill(kazakh);
    await form.getByRole('textbox', { name: 'Description' }).fill('Ою-өрнек, қолмен өңдеу');
    const hours = form.getByRole('textbox', { name: 'Hours' });
    await hours.fill('5000');
    await form.getByRole('textbox', { name: 'Minimum attendance, %' }).fill('75');
    await form.getByRole('button', { name: 'Save' }).click();
    // The API's refusal, beside the field it concerns and nowhere else.
    const refusal = 'Must be at most 2000';
    await form.getByText(refusal).waitFor();
    expect(await hours.getAttribute('aria-describedby')).toContain(
      await form.getByText(refusal).getAttribute('id'),
    );
    expect(await form.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'staff-new-course');
    await hours.fill('96');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });

    // The next course starts from an empty form, not from the last one's values.
    await page.getByRole('button', { name: 'New course' }).click();
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
    expect(await form.getByRole('textbox', { name: 'Hours' }).inputValue()).toBe('72');
    await choose(page, form.getByRole('combobox', { name: 'Craft' }), 'Souvenir making');
    await form.getByRole('textbox', { name: 'Title' }).fill(russian);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });

    const cells = async (title: string) => {
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      return row.getByRole('cell').allTextContents();
    };
    expect(await cells(kazakh)).toEqual([`${kazakh} `, 'Souvenir making', '96', '75%', 'Edit']);
    expect(await cells(russian)).toEqual([`${russian} `, 'Souvenir making', '72', '80%', 'Edit']);
    for (const row of (await page.getByRole('row').all()).slice(1)) {
      expect(await row.getByRole('cell').nth(1).textContent()).toBe('Souvenir making');
    }
  });

  it('opens a group with its weekly timetable, then changes the timetable on the group page', async () => {
    const course = await createCourse(stack.dataSource, {
      craft: 'leather',
      title: `Былғары бұйымдар ${suffix}`,
    });
    const code = `LT-${suffix}`;
    const workshop = await createWorkshop(stack.dataSource, {
      name: `Былғары шеберханасы ${suffix}`,
      craft: 'leather',
      workplaces: 6,
    });
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'New group' }).click();
    const form = page.getByRole('dialog', { name: 'New group' });
    await form.getByRole('combobox', { name: 'Course' }).fill(course.title);
    await page.getByRole('option', { name: course.title }).click();
    await form.getByRole('textbox', { name: 'Code' }).fill(code);
    await choose(
      page,
      form.getByRole('combobox', { name: 'Workshop' }),
      `${workshop.name} · 6 workplaces`,
    );
    await form.getByRole('textbox', { name: 'Start date', exact: true }).fill('2028-02-07');
    await form.getByRole('textbox', { name: 'End date', exact: true }).fill('2028-04-28');
    await form.getByRole('textbox', { name: 'Seats (at most 8)' }).fill('6');
    const first = form.getByRole('group', { name: 'Lesson time 1' });
    await choose(page, first.getByRole('combobox', { name: 'Day' }), 'Tuesday');
    await first.getByLabel('From', { exact: true }).fill('14:00');
    await first.getByLabel('To', { exact: true }).fill('17:00');
    await form.getByRole('button', { name: 'Add a lesson time' }).click();
    const second = form.getByRole('group', { name: 'Lesson time 2' });
    await choose(page, second.getByRole('combobox', { name: 'Day' }), 'Thursday');
    await second.getByLabel('From', { exact: true }).fill('14:00');
    await second.getByLabel('To', { exact: true }).fill('17:00');
    await form.getByRole('button', { name: 'Save' }).click();

    // The new group's own page.
    await page.getByRole('heading', { name: `Group ${code}` }).waitFor();
    const groupId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(`7 February 2028 – 28 April 2028 · Workshop: ${workshop.name}`).waitFor();
    expect(await page.getByLabel('Seats').textContent()).toBe('0 of 6, waitlist 0');
    await page.getByText('Tuesday 14:00–17:00').waitFor();
    await page.getByText('Thursday 14:00–17:00').waitFor();

    // Thursday's lesson moves to Friday, an hour later.
    await page.getByRole('tab', { name: 'Timetable' }).click();
    const moved = page.getByRole('group', { name: 'Lesson time 2' });
    await choose(page, moved.getByRole('combobox', { name: 'Day' }), 'Friday');
    await moved.getByLabel('From', { exact: true }).fill('15:00');
    await moved.getByLabel('To', { exact: true }).fill('18:00');
    await page.getByRole('button', { name: 'Save timetable' }).click();
    expect(await shown(page.getByRole('status'), 'Saved')).toBe('Saved');
    await page.getByText('Friday 15:00–18:00').waitFor();
    expect(await page.getByText('Thursday 14:00–17:00').count()).toBe(0);
    await screenshot(page, 'staff-group-timetable');

    await page.reload();
    await page.getByText('Friday 15:00–18:00').waitFor();
    expect(await page.getByText('Tuesday 14:00–17:00').count()).toBe(1);
    const saved = await staff<GroupDetail>('GET', `/api/groups/${groupId}`);
    expect(saved).toMatchObject({
      code,
      workshop: { id: workshop.id, name: workshop.name, workplaces: 6 },
      startDate: '2028-02-07',
      endDate: '2028-04-28',
      capacity: 6,
      status: 'planned',
      schedule: [
        { weekday: 2, startTime: '14:00', endTime: '17:00' },
        { weekday: 5, startTime: '15:00', endTime: '18:00' },
      ],
    });
    // The lessons follow the new timetable: Tuesdays and Fridays, none on a Thursday.
    const lessons = await staff<{ items: { date: string; startTime: string }[] }>(
      'GET',
      `/api/groups/${groupId}/lessons?limit=100`,
    );
    const slots = new Set(lessons.items.map((l) => `${isoWeekday(l.date)} ${l.startTime}`));
    expect(slots).toEqual(new Set(['2 14:00', '5 15:00']));
  });

  it('explains why a master cannot be assigned, then assigns one who can teach', async () => {
    const dataSource = stack.dataSource;
    const course = await createCourse(dataSource, {
      craft: 'jewelry',
      title: `Күміс білезік ${suffix}`,
    });
    const busy = await createUser(dataSource, 'master', {
      crafts: ['jewelry'],
      fullName: `Жұмабеков Ерлан ${suffix}`,
    });
    const requalified = await createUser(dataSource, 'master', {
      crafts: ['jewelry'],
      fullName: `Сейітов Нұрлан ${suffix}`,
    });
    const free = await createUser(dataSource, 'master', {
      crafts: ['jewelry', 'felt'],
      fullName: `Әлиева Гүлмира ${suffix}`,
    });
    // The busy master teaches on Monday and Wednesday mornings from March to May.
    const other = await createGroup(dataSource, {
      courseId: course.id,
      masterId: busy.id,
      startDate: '2028-03-01',
      endDate: '2028-05-31',
      schedule: MON_WED_MORNING,
    });
    // This group meets on Wednesdays 11:00–14:00 from April to June: it overlaps.
    const group = await createGroup(dataSource, {
      courseId: course.id,
      status: 'planned',
      startDate: '2028-04-01',
      endDate: '2028-06-30',
      schedule: [{ weekday: 3, startTime: '11:00', endTime: '14:00' }],
    });

    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { name: `Group ${group.code}` }).waitFor();
    const master = page.getByRole('combobox', { name: 'Master' });
    const assign = page.getByRole('button', { name: 'Assign master' });
    const refusal = page.getByRole('alert', { name: 'The master cannot be assigned' });

    await choose(page, master, busy.fullName);
    await assign.click();
    expect(await shown(refusal, other.code)).toBe(
      'The master cannot be assigned' +
        `The master already teaches another group at an overlapping time (${other.code}, 2028-03-01 – 2028-05-31)`,
    );
    await screenshot(page, 'staff-master-conflict');

    // The list offers only masters of the craft; an admin withdraws this one's jewelry while the
    // page is open, and the API's reason reaches the screen.
    const admin = await stack.apiAs((await createUser(dataSource, 'admin')).email);
    await admin('PATCH', `/api/users/${requalified.id}`, { crafts: ['felt'] });
    await choose(page, master, requalified.fullName);
    await assign.click();
    expect(await shown(refusal, 'not qualified')).toBe(
      `The master cannot be assignedThe master is not qualified to teach this craft (${requalified.fullName})`,
    );

    await choose(page, master, free.fullName);
    await assign.click();
    await page.getByText(`Master: ${free.fullName}`).waitFor();
    expect(await refusal.count()).toBe(0);
    expect(await assign.isDisabled()).toBe(true);
    expect((await staff<GroupDetail>('GET', `/api/groups/${group.id}`)).masterId).toBe(free.id);
    // Each save says what it did.
    const said = page.getByRole('status');
    expect(await said.innerText()).toBe(`Master assigned: ${free.fullName}`);
    await page.getByRole('button', { name: 'Open enrollment' }).click();
    await page.getByRole('tab', { name: 'Enroll' }).waitFor();
    expect(await said.innerText()).toBe('Enrollment is open');
    expect((await staff<GroupDetail>('GET', `/api/groups/${group.id}`)).status).toBe('open');
  });

  it('says in Kazakh, on a phone, what assigning a master and opening the group did', async () => {
    const dataSource = stack.dataSource;
    const course = await createCourse(dataSource, { craft: 'felt', title: `Киіз үй ${suffix}` });
    const master = await createUser(dataSource, 'master', {
      crafts: ['felt'],
      fullName: `Құрманова Әсел ${suffix}`,
    });
    const group = await createGroup(dataSource, {
      courseId: course.id,
      status: 'planned',
      startDate: '2028-09-01',
      endDate: '2028-11-30',
      schedule: [{ weekday: 2, startTime: '15:00', endTime: '18:00' }],
    });
    const page = await signedInPage(stack, 'kk', staffEmail, { mobile: true });
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { name: `Топ ${group.code}` }).waitFor();
    await choose(page, page.getByRole('combobox', { name: 'Шебер' }), master.fullName);
    await page.getByRole('button', { name: 'Шеберді тағайындау' }).click();
    const said = page.getByRole('status');
    await page.getByText(`Шебер: ${master.fullName}`).waitFor();
    expect(await said.innerText()).toBe(`Шебер тағайындалды: ${master.fullName}`);
    await page.getByRole('button', { name: 'Қабылдауды ашу' }).click();
    await page.getByText('Қабылдау ашылды').waitFor();
    expect(await said.innerText()).toBe('Қабылдау ашылды');
    expect(await fitsTheWindow(page)).toBe(true);
    const box = (await said.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'staff-group-action-said-kk-phone');
  });
});
