import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  fitsTheWindow,
  screenshot,
  shown,
  signedInPage,
  startBrowserStack,
} from '../support/browser';

/** Every day 00:00–00:30 local: yesterday's lesson has always started, tomorrow's has not. */
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

describe("the master's week and the journal's corrections", () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let adminEmail: string;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    adminEmail = (await createUser(stack.dataSource, 'admin')).email;
    const api = await stack.apiAs(staffEmail);
    // The days the tests look at hold lessons, whatever the holidays of the year.
    for (const offset of [-9, -1, 0]) {
      await api('DELETE', `/api/holidays/${centreToday(offset)}`).catch(() => undefined);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A running group with daily lessons from `from` to `to` days from today, its master and trainees. */
  async function runningGroup(prefix: string, from: number, to: number, lastNames: string[]) {
    const api = await stack.apiAs(staffEmail);
    const master = await createUser(stack.dataSource, 'master', { crafts: ['felt'] });
    const course = await createCourse(stack.dataSource, { craft: 'felt', title: 'Киіз басу' });
    const code = `${prefix}-${suffix}`;
    const group = await api<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code,
      startDate: centreToday(from),
      endDate: centreToday(to),
      schedule: DAILY,
    });
    await api('PUT', `/api/groups/${group.id}/master`, { masterId: master.id });
    await api('POST', `/api/groups/${group.id}/open`);
    const enrollments: string[] = [];
    for (const lastName of lastNames) {
      const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Дана' });
      const enrolled = await api<{ id: string }>('POST', `/api/groups/${group.id}/enrollments`, {
        traineeId: trainee.id,
      });
      enrollments.push(enrolled.id);
    }
    await api('POST', `/api/groups/${group.id}/start`);
    const lessons = (
      await api<{ items: { id: string; date: string }[] }>(
        'GET',
        `/api/groups/${group.id}/lessons?limit=100`,
      )
    ).items;
    return { id: group.id, code, master, enrollments, lessons };
  }

  it('in Kazakh on a 360 px phone: the unmarked past lesson first, yesterday marked, the lesson past the window not offered', async () => {
    const group = await runningGroup('KW', -9, 7, ['Серікова', 'Омаров']);
    // Every past lesson but yesterday's and those beyond the window is marked already.
    const masterApi = await stack.apiAs(group.master.email);
    for (const lesson of group.lessons) {
      if (lesson.date >= centreToday(-7) && lesson.date <= centreToday(-2)) {
        await masterApi('PUT', `/api/lessons/${lesson.id}/attendance`, {
          marks: group.enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
        });
      }
    }

    const page = await signedInPage(stack, 'kk', group.master.email, { mobile: true });
    await page.getByRole('heading', { name: 'Менің аптам' }).waitFor();
    const unmarked = page.getByRole('region', { name: 'Белгіленбеген сабақтар' });
    // The first section of the page is the lessons not marked, and its first day is yesterday.
    const sections = await page
      .locator('section')
      .evaluateAll((all) => all.map((s) => s.getAttribute('aria-label')));
    expect(sections[0]).toBe('Белгіленбеген сабақтар');
    const firstDay = await unmarked.getByText(/ · /).first().textContent();
    expect(firstDay).toMatch(/^Кеше · /);
    // Only yesterday's lesson is offered; the one nine days ago says why it is not.
    const offered = unmarked.getByRole('button', { name: /^Қатысуды белгілеу: / });
    expect(await offered.count()).toBe(1);
    expect(await unmarked.getByText('Белгілеудің соңғы күні', { exact: false }).count()).toBe(1);
    const refusals = unmarked.getByRole('note');
    expect(await refusals.count()).toBeGreaterThanOrEqual(1);
    expect(await refusals.first().textContent()).toBe(
      'Белгілеу мерзімі (7 күн) өтіп кетті: қатысуды орталық қызметкері енгізеді',
    );
    // A lesson still to come is not offered either, and says when it will be.
    const coming = page.getByRole('region', { name: 'Алдағы күндер' });
    expect(await coming.getByRole('button').count()).toBe(0);
    expect(await coming.getByRole('note').first().textContent()).toBe(
      'Сабақ басталғанда (00:00) белгілеуге болады',
    );
    expect(await fitsTheWindow(page)).toBe(true);
    await screenshot(page, 'master-week-kk');

    await offered.tap();
    const save = page.getByRole('button', { name: 'Сақтау' });
    for (const [lastName, mark] of [
      ['Серікова', 'Келді'],
      ['Омаров', 'Кешікті'],
    ] as const) {
      expect(await save.isDisabled()).toBe(true);
      await page
        .getByRole('group', { name: `${lastName} Дана` })
        .getByText(mark)
        .tap();
    }
    expect(await fitsTheWindow(page)).toBe(true);
    await save.tap();
    expect(await shown(page.getByRole('status'), 'Қатысу сақталды')).toBe('Қатысу сақталды');
    await page.getByRole('button', { name: 'Артқа' }).tap();

    // Yesterday's lesson has moved among the marked ones, where it may still be corrected.
    const marked = page.getByRole('region', { name: 'Белгіленген сабақтар' });
    await marked.getByText(/^Кеше · /).waitFor();
    expect(
      await marked.getByRole('button', { name: /^Белгілерді түзету: / }).count(),
    ).toBeGreaterThanOrEqual(1);
    expect(await unmarked.getByRole('button').count()).toBe(0);
    const [saved] = await stack.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id
        WHERE l.group_id = $1 AND l.date = $2`,
      [group.id, centreToday(-1)],
    );
    expect(saved!.n).toBe(2);
  });

  it('in Russian: staff correct a mark with a reason, and the audit log shows the old and the new mark', async () => {
    const group = await runningGroup('RW', -1, 3, ['Серикова', 'Омаров']);
    const yesterday = group.lessons.find((l) => l.date === centreToday(-1))!;
    const masterApi = await stack.apiAs(group.master.email);
    await masterApi('PUT', `/api/lessons/${yesterday.id}/attendance`, {
      marks: group.enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
    });

    const page = await signedInPage(stack, 'ru', staffEmail);
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('tab', { name: 'Журнал посещаемости' }).click();
    await page.getByRole('button', { name: /^Исправить отметку: Серикова Дана, / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Было: Был').waitFor();
    await dialog.getByText('Не был').click();
    // Without a reason the API refuses, and says so beside the reason.
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog
      .getByText('Сотрудник указывает причину, когда отмечает или исправляет', { exact: false })
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Причина' }).fill('по бумажному журналу');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    expect(await shown(page.getByRole('status'), 'Отметка сохранена')).toBe('Отметка сохранена');
    const journal = page.getByRole('table', { name: 'Журнал посещаемости' });
    const row = journal.getByRole('row').filter({ hasText: 'Серикова Дана' });
    await row.getByText('Не был').waitFor();
    await screenshot(page, 'staff-journal-correction-ru');

    const admin = await signedInPage(stack, 'ru', adminEmail);
    await admin.goto(`/audit?entity=lesson&entityId=${yesterday.id}`);
    const entry = admin.getByText('Исправление посещаемости', { exact: false }).first();
    await entry.waitFor();
    const text = (await admin.locator('main').textContent()) ?? '';
    expect(text).toContain('Серикова Дана: Был → Не был');
    expect(text).toContain('Причина: по бумажному журналу');
    // Only the mark that changed is in the correction.
    expect(text).not.toContain('Омаров Дана: Был →');
  });
});
