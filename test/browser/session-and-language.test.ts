import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

describe('sign-in, roles and languages', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let masterEmail: string;

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    masterEmail = (await createUser(stack.dataSource, 'master', { crafts: ['jewelry'] })).email;
    const course = await createCourse(stack.dataSource, {
      craft: 'jewelry',
      title: 'Күміс зергерлік',
      hours: 1200,
    });
    await createGroup(stack.dataSource, {
      courseId: course.id,
      startDate: '2027-02-01',
      endDate: '2027-03-31',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('keeps the session across a reload in a cookie that page scripts cannot read', async () => {
    const page = await stack.newPage();
    await page.goto('/');
    await screenshot(page, 'sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(staffEmail);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await shown(page.getByRole('alert'), 'Wrong')).toBe('Wrong email or password');

    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'sheber_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const visible = String(await page.evaluate('document.cookie'));
    expect(visible).toMatch(/^sheber_csrf=[\w-]+$/);
    const stored = String(await page.evaluate('JSON.stringify(Object.values(localStorage))'));
    expect(stored).not.toContain(session.value);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it("asks for a new password after an admin's reset, and nothing else until it is set", async () => {
    const user = await createUser(stack.dataSource, 'staff');
    const admin = await stack.apiAs((await createUser(stack.dataSource, 'admin')).email);
    const { temporaryPassword } = await admin<{ temporaryPassword: string }>(
      'POST',
      `/api/users/${user.id}/reset-password`,
    );

    const page = await stack.newPage();
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(response.url());
    });
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(temporaryPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu' }).count()).toBe(0);

    const current = page.getByLabel('Current (temporary) password');
    const fresh = page.getByLabel('New password');
    await current.fill('not-the-temporary-one');
    await fresh.fill('my-own-password-now');
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/auth/password'),
    );
    await page.getByRole('button', { name: 'Save the new password' }).click();
    const refusal = await answered;
    expect([refusal.status(), ((await refusal.json()) as { code: string }).code]).toEqual([
      422,
      'password.current_wrong',
    ]);
    // Beside the field it is about.
    await page.getByText('The current password is wrong').waitFor();
    // The screen waits for the new password; it does not keep asking for what it may not see.
    expect(refused.length).toBeLessThanOrEqual(2);

    await current.fill(temporaryPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    // The renewed session cookie survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
  });

  it('shows each role only its own screens, and deep links survive a reload', async () => {
    const staff = await stack.newPage();
    await signIn(staff, staffEmail);
    const staffMenu = staff.getByRole('navigation', { name: 'Menu' });
    expect(await staffMenu.getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Groups',
      'Courses',
      'Workshops',
      'Trainees',
      'Referral intake',
      'Certificates',
      'Holidays',
    ]);
    await screenshot(staff, 'staff-dashboard');
    // The admin's screens typed in by hand lead staff home.
    await staff.goto('/accounts');
    await staff.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(new URL(staff.url()).pathname).toBe('/');

    const master = await stack.newPage();
    await signIn(master, masterEmail);
    const masterMenu = master.getByRole('navigation', { name: 'Menu' });
    expect(await masterMenu.getByRole('link').allTextContents()).toEqual(['Today', 'My groups']);
    // A staff screen typed in by hand leads the master home.
    await master.goto('/trainees');
    await master.getByRole('heading', { name: /^My lessons today/ }).waitFor();
    expect(new URL(master.url()).pathname).toBe('/');
    // The API refuses it as well.
    expect((await master.request.get('/api/trainees')).status()).toBe(403);

    await staff.goto('/courses');
    await staff.getByRole('heading', { name: 'Courses' }).waitFor();
    const missing = await staff.request.get('/api/no-such-route');
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('switches between Kazakh, Russian and English, remembers it, and formats for it', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    const cells = async (title: string) => {
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    };
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses' }).waitFor();
    expect(await cells('Күміс зергерлік')).toEqual([
      'Күміс зергерлік',
      'Jewelry',
      '1,200',
      '80%',
      'Edit',
    ]);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('heading', { name: 'Groups' }).waitFor();
    expect((await cells('Күміс зергерлік'))[2]).toBe('1 February 2027 – 31 March 2027');

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Қазақша' }).click();
    await page.getByRole('heading', { name: 'Топтар' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('kk');
    expect((await cells('Күміс зергерлік'))[2]).toBe('2027 ж. 1 ақпан – 2027 ж. 31 наурыз');
    await screenshot(page, 'groups-kk');

    // Remembered: still Kazakh after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Топтар' }).waitFor();
    await page.getByRole('button', { name: 'Шығу' }).waitFor();

    await page.getByRole('combobox', { name: 'Тіл' }).click();
    await page.getByRole('option', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Группы' }).waitFor();
    expect((await cells('Күміс зергерлік'))[2]).toMatch(/^1 февраля 2027 г\. – 31 марта 2027 г\.$/);
    await page.getByRole('link', { name: 'Курсы' }).click();
    await page.getByRole('heading', { name: 'Курсы' }).waitFor();
    // Russian groups thousands with a space and puts one before the percent sign.
    const [, craft, hours, attendance] = await cells('Күміс зергерлік');
    expect([craft, hours!.replace(/\s/g, ' '), attendance!.replace(/\s/g, ' ')]).toEqual([
      'Ювелирное дело',
      '1 200',
      '80 %',
    ]);
    await page.goto('/verify/0000000000000000');
    expect(await shown(page.getByRole('status'), 'Не найден')).toMatch(/^Не найден/);
  });
});
