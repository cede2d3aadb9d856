import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createCourse, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

// Every day 00:00–00:30 in the centre: today's lesson has started, tomorrow's has not.
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

describe('completing a group: the confirmation says what will happen, in Kazakh', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let adminEmail: string;
  let groupId: string;
  let planned: number;
  let held: number;

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    adminEmail = (await createUser(stack.dataSource, 'admin')).email;
    const master = await createUser(stack.dataSource, 'master', { crafts: ['felt'] });
    const api = await stack.apiAs(staffEmail);
    const course = await createCourse(stack.dataSource, { craft: 'felt', title: 'Киіз басу' });
    // Three days run, two to come; yesterday's lesson was never marked.
    const group = await api<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: `FL-${Date.now().toString(36).toUpperCase()}`,
      startDate: centreToday(-3),
      endDate: centreToday(2),
      schedule: DAILY,
    });
    groupId = group.id;
    await api('PUT', `/api/groups/${groupId}/master`, { masterId: master.id });
    await api('POST', `/api/groups/${groupId}/open`);
    const enrollments: string[] = [];
    for (const lastName of ['Әбенова', 'Сәрсенбаев']) {
      const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Айжан' });
      const enrollment = await api<{ id: string }>('POST', `/api/groups/${groupId}/enrollments`, {
        traineeId: trainee.id,
      });
      enrollments.push(enrollment.id);
    }
    await api('POST', `/api/groups/${groupId}/start`);
    const lessons = await api<{ items: { id: string; date: string }[] }>(
      'GET',
      `/api/groups/${groupId}/lessons?limit=100`,
    );
    const past = lessons.items.filter((l) => l.date <= centreToday());
    planned = lessons.items.length;
    held = past.length;
    for (const lesson of past.filter((l) => l.date !== centreToday(-1))) {
      await api('PUT', `/api/lessons/${lesson.id}/attendance`, {
        marks: enrollments.map((enrollmentId, i) => ({
          enrollmentId,
          status: i === 0 ? 'present' : 'absent',
        })),
        reason: 'журналдан',
      });
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function openInKazakh(email: string): Promise<Page> {
    const page = await stack.newPage();
    await signIn(page, email);
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Қазақша' }).click();
    await page.goto(`/groups/${groupId}`);
    await page.getByRole('button', { name: 'Аяқтау' }).click();
    return page;
  }

  it('shows staff the lessons held, the unmarked ones and who falls short, and completes nothing', async () => {
    const page = await openInKazakh(staffEmail);
    const dialog = page.getByRole('dialog', { name: 'Аяқтау' });
    const lessons = dialog.getByRole('list', { name: 'Сабақтар' });
    expect(await shown(lessons, 'ішінен')).toContain(`Өткен сабақтар: ${planned} ішінен ${held}`);
    expect(await lessons.textContent()).toContain('Қатысуы белгіленбеген өткен сабақтар: 1');
    expect(await dialog.textContent()).toContain(
      'Курстың ең төменгі қатысу деңгейінен (80%) төмен: аяқтамайды',
    );
    // Yesterday's unmarked lesson counts as held and not attended: 3 of 4 is below 80% too.
    expect(await dialog.textContent()).toMatch(/Сәрсенбаев Айжан: 0\s?%/);
    expect(await dialog.textContent()).toMatch(/Әбенова Айжан: 75\s?%/);
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'Оқу әлі аяқталған жоқ: алда сабақтар бар.',
    );
    await dialog.getByText('Топты қазір тек әкімші себебін көрсетіп аяқтай алады.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Растау' }).count()).toBe(0);
    await screenshot(page, 'staff-complete-confirm-kk');
    const api = await stack.apiAs(staffEmail);
    expect((await api<{ status: string }>('GET', `/api/groups/${groupId}`)).status).toBe(
      'in_progress',
    );
  });

  it('lets an admin complete early with a reason, and then reopen it', async () => {
    const page = await openInKazakh(adminEmail);
    const dialog = page.getByRole('dialog', { name: 'Аяқтау' });
    const anyway = dialog.getByRole('button', { name: 'Сонда да аяқтау' });
    await anyway.waitFor();
    expect(await anyway.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Қазір аяқтау себебі' }).fill('Шебер ауырып қалды');
    await anyway.click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      await shown(page.getByRole('heading', { level: 2 }).locator('..'), 'Аяқталған'),
    ).toContain('Аяқталған');

    await page.getByRole('button', { name: 'Қайта ашу' }).click();
    const reopen = page.getByRole('dialog', { name: /^Қайта ашу/ });
    await reopen.getByRole('textbox', { name: 'Себебі' }).fill('Қате аяқталды');
    await reopen.getByRole('button', { name: 'Қайта ашу' }).click();
    await reopen.waitFor({ state: 'detached' });
    expect(
      await shown(page.getByRole('heading', { level: 2 }).locator('..'), 'Оқу жүріп жатыр'),
    ).toContain('Оқу жүріп жатыр');
  });
});
