import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type ApiClient,
  type BrowserStack,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

/** Signs in, then shows the app in `language` (remembered by the browser, as a user's choice). */
async function signInIn(page: Page, email: string, language: 'kk' | 'ru'): Promise<void> {
  await signIn(page, email);
  // Strings, not functions: this file is compiled without the DOM's types.
  await page.evaluate(`localStorage.setItem('sheber.language', '${language}')`);
  await page.reload();
  await page.waitForFunction(`document.documentElement.lang === '${language}'`);
}

describe('nobody left out: the promotion notice and the officer’s changes', () => {
  let stack: BrowserStack;
  let staff: { id: string; email: string };
  let officerEmail: string;
  let staffApi: ApiClient;
  let officer: ApiClient;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    staff = await createUser(stack.dataSource, 'staff');
    officerEmail = (await createUser(stack.dataSource, 'officer')).email;
    staffApi = await stack.apiAs(staff.email);
    officer = await stack.apiAs(officerEmail);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('names who moved up with the phone after a withdrawal (kk, phone), and the dashboard keeps the call until acknowledged', async () => {
    const { dataSource } = stack;
    const group = await createGroup(dataSource, { capacity: 1 });
    const leaving = await createTrainee(dataSource, { lastName: 'Тоқтарова', firstName: 'Мадина' });
    const waiting = await createTrainee(dataSource, {
      lastName: 'Құдайбергенов',
      firstName: 'Ерлан',
      phone: '+7 701 555 0101',
    });
    for (const trainee of [leaving, waiting]) {
      await staffApi('POST', `/api/groups/${group.id}/enrollments`, { traineeId: trainee.id });
    }

    // Calls that earlier test files on this database left open would come first (oldest first,
    // five to a card): the staff make them, so this promotion is the one the dashboard shows.
    for (;;) {
      const open = await staffApi<{ items: { id: string }[] }>(
        'GET',
        '/api/waitlist-promotions?limit=100',
      );
      if (open.items.length === 0) break;
      for (const p of open.items) {
        await staffApi('POST', `/api/waitlist-promotions/${p.id}/acknowledge`, {});
      }
    }

    const page = await stack.newPage({ mobile: true });
    await signInIn(page, staff.email, 'kk');
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('button', { name: 'Шығару: Тоқтарова Мадина' }).click();
    const dialog = page.getByRole('dialog', { name: 'Шығару: Тоқтарова Мадина' });
    await dialog.getByRole('textbox', { name: 'Себебі' }).fill('Жұмысқа орналасты');
    await dialog.getByRole('button', { name: 'Шығару' }).click();
    await dialog.waitFor({ state: 'detached' });

    const notice = await shown(
      page.getByRole('status'),
      'Күту тізімінен орынға ауысты — хабарласыңыз',
    );
    expect(notice).toContain(`Құдайбергенов Ерлан ${group.code} тобына қабылданды`);
    expect(notice).toContain('Телефон: +7 701 555 0101');
    expect(
      await page.getByRole('link', { name: '+7 701 555 0101' }).first().getAttribute('href'),
    ).toBe('tel:+77015550101');
    // Not a success: the notice is drawn in the warning colour.
    // Mantine names the colour in the alert's style: yellow, where a success is teal.
    const colour = await page
      .getByRole('status')
      .filter({ hasText: 'Күту тізімінен' })
      .getAttribute('style');
    expect(colour).toMatch(/yellow/);
    await screenshot(page, 'promotion-notice-kk-phone');

    await page.goto('/');
    const calls = page.getByRole('region', { name: 'Күту тізімінен ауысқандар: хабарласу керек' });
    const entry = calls.getByRole('listitem').filter({ hasText: 'Құдайбергенов Ерлан' });
    expect(await shown(entry, group.code)).toContain('Телефон: +7 701 555 0101');
    await entry.getByRole('button', { name: 'Хабарластым: Құдайбергенов Ерлан' }).click();
    await calls.getByText('Құдайбергенов Ерлан: хабарласқаныңыз белгіленді').waitFor();
    await entry.waitFor({ state: 'detached' });
    await screenshot(page, 'promotion-acknowledged-kk-phone');

    const [stored] = await dataSource.query<{ acknowledged_by: string }[]>(
      `SELECT p.acknowledged_by FROM waitlist_promotions p JOIN enrollments e ON e.id = p.enrollment_id
        WHERE e.trainee_id = $1`,
      [waiting.id],
    );
    expect(stored).toEqual({ acknowledged_by: staff.id });
  });

  it('shows the officer a change since the last visit (ru), until marked as seen', async () => {
    await officer('PUT', '/api/referrals/changes/seen', {});
    const number = `KRG-CH-${suffix}`;
    const referral = await officer<{ id: string }>('POST', '/api/referrals', {
      number,
      person: { iin: freshIin(), lastName: 'Серікбаева', firstName: 'Ләззат' },
      craft: 'felt',
    });
    await staffApi('POST', `/api/referrals/${referral.id}/accept`, {});

    const page = await stack.newPage();
    await signInIn(page, officerEmail, 'ru');
    const changes = page.getByRole('region', { name: 'Изменения с вашего последнего визита' });
    const text = await shown(changes, number);
    expect(text).toContain('Серікбаева Ләззат');
    expect(text).toContain('Направление принято, ждёт группу');
    expect(text).toMatch(/Новых: \d+/);
    await screenshot(page, 'officer-changes-ru');

    await changes.getByRole('button', { name: 'Просмотрено' }).click();
    await changes.getByText('Изменения отмечены как просмотренные').waitFor();
    await changes.getByText('С последнего визита изменений нет').waitFor();
    // Kept on the server: still seen after a reload.
    await page.reload();
    await changes.getByText('С последнего визита изменений нет').waitFor();
    expect(await changes.getByText(number).count()).toBe(0);
  });

  it('accepts a referral without a group when none of its craft is open (kk), and lists it as waiting', async () => {
    const { dataSource } = stack;
    // No souvenir group takes enrollments in this database: intake has no group to offer.
    await dataSource.query(
      `UPDATE groups g SET status = 'cancelled' FROM courses c
        WHERE c.id = g.course_id AND c.craft = 'souvenirs' AND g.status IN ('open', 'in_progress')`,
    );
    const number = `KRG-NG-${suffix}`;
    await officer('POST', '/api/referrals', {
      number,
      person: {
        iin: freshIin(),
        lastName: 'Байжанова',
        firstName: 'Гүлнара',
        phone: '+7 705 111 2233',
      },
      craft: 'souvenirs',
      note: 'Кәдесый жасауды үйренгісі келеді',
    });

    const page = await stack.newPage({ mobile: true });
    await signInIn(page, staff.email, 'kk');
    await page.goto('/intake');
    const list = page.getByRole('list', { name: 'Жолдамаларды қабылдау' });
    const item = list.getByRole('listitem').filter({ hasText: number });
    const shownText = await shown(item, 'Кәдесый жасауды');
    expect(shownText).toContain('+7 705 111 2233');
    expect(shownText).toContain('Маманның ескертпесі: Кәдесый жасауды үйренгісі келеді');
    await item.getByRole('button', { name: `Қабылдау: ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Қабылдау: ${number}` });
    await dialog.getByText(/ашық топ жоқ/).waitFor();
    await dialog.getByRole('button', { name: 'Топсыз қабылдау (күтуде)' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${number} жолдамасы қабылданды және топ күтуде`).waitFor();

    const waiting = page.getByRole('region', { name: 'Топ күтіп тұрған жолдамалар' });
    const waitingItem = waiting.getByRole('listitem').filter({ hasText: number });
    expect(await shown(waitingItem, 'Байжанова Гүлнара')).toContain(
      'Бұл кәсіп бойынша ашық топ әлі жоқ',
    );
    await screenshot(page, 'intake-waiting-kk-phone');

    // A souvenir group opens: the waiting referral says so.
    const course = await createCourse(dataSource, {
      craft: 'souvenirs',
      title: `Кәдесый ${suffix}`,
    });
    const group = await createGroup(dataSource, { courseId: course.id });
    await page.reload();
    await shown(waitingItem, `Ашық топ бар: ${group.code}`);
  });
});
