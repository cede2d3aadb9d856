import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { createUser, TEST_PASSWORD } from '../factories/users';
import {
  type BrowserStack,
  fitsTheWindow,
  pageIn,
  screenshot,
  shown,
  signInAs,
  startBrowserStack,
} from '../support/browser';

/** Picks an option of a Mantine select: opens it, then clicks the option by its name. */
async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('an admin keeping accounts, the audit log, holidays and employment centres', () => {
  let stack: BrowserStack;
  let adminEmail: string;
  let adminName: string;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    adminName = `Әкімшіл Сәуле ${suffix}`;
    adminEmail = (await createUser(stack.dataSource, 'admin', { fullName: adminName })).email;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('creates a master on a phone, in Kazakh; the master must replace the temporary password', async () => {
    const page = await pageIn(stack, 'kk', { mobile: true });
    await signInAs(page, 'kk', adminEmail);
    await page.getByRole('button', { name: 'Шығу' }).waitFor();
    await page.getByRole('button', { name: 'Мәзір' }).click();
    await page.getByRole('link', { name: 'Тіркелгілер' }).click();
    await page.getByRole('heading', { name: 'Тіркелгілер' }).waitFor();

    await page.getByRole('button', { name: 'Жаңа тіркелгі' }).click();
    const form = page.getByRole('dialog', { name: 'Жаңа тіркелгі' });
    const name = `Жұмабеков Ерлан ${suffix}`;
    const email = `erlan.${suffix.toLowerCase()}@sheber.kz`;
    // Saved empty: the API's refusals stand beside their fields.
    await form.getByRole('button', { name: 'Сақтау' }).click();
    const fullName = form.getByRole('textbox', { name: 'Аты-жөні', exact: true });
    await form.locator('.mantine-InputWrapper-error').first().waitFor();
    expect(await fullName.getAttribute('aria-invalid')).toBe('true');
    await fullName.fill(name);
    expect(await fullName.getAttribute('aria-invalid')).not.toBe('true');
    await form.getByRole('textbox', { name: 'Электрондық пошта' }).fill(email);
    await choose(page, form.getByRole('combobox', { name: 'Рөлі' }), 'Шебер');
    // A multiple select: its pills' box takes the click meant for its input.
    await form.getByRole('combobox', { name: 'Үйрететін кәсіптері' }).click({ force: true });
    await page.getByRole('option', { name: 'Зергерлік өнер', exact: true }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'admin-new-master-phone-kk');
    await form.getByRole('button', { name: 'Сақтау' }).click();

    const handOver = page.getByRole('dialog', { name: 'Уақытша құпиясөз' });
    await handOver.getByText(`${name} (${email})`, { exact: false }).waitFor();
    const temporary = ((await handOver.locator('pre, code').first().textContent()) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await handOver.getByRole('button', { name: 'Дайын' }).click();
    expect(await shown(page.getByRole('status'), name)).toBe(`${name} тіркелгісі құрылды`);

    // The new account is a card of the list, its actions within the phone's width.
    await page.getByRole('textbox', { name: 'Аты-жөні немесе электрондық пошта' }).fill(suffix);
    const card = page.getByRole('listitem').filter({ hasText: name });
    await card.waitFor();
    expect(await card.textContent()).toContain('Зергерлік өнер');
    expect(await fitsTheWindow(page)).toBe(true);
    await screenshot(page, 'admin-accounts-phone-kk');
    const [saved] = await stack.dataSource.query<
      { role: string; crafts: string[]; password_change_required: boolean }[]
    >(
      `SELECT u.role, array_agg(mc.craft_code) AS crafts, u.password_change_required
         FROM users u JOIN master_crafts mc ON mc.user_id = u.id
        WHERE u.email = $1 GROUP BY u.id`,
      [email],
    );
    expect(saved).toEqual({ role: 'master', crafts: ['jewelry'], password_change_required: true });

    // The master signs in with the temporary password and must choose a new one first.
    const master = await pageIn(stack, 'kk', { mobile: true });
    await signInAs(master, 'kk', email, temporary);
    await master.getByRole('heading', { name: 'Жаңа құпиясөз орнатыңыз' }).waitFor();
    await master.getByLabel('Ағымдағы (уақытша) құпиясөз').fill(temporary);
    await master.getByLabel('Жаңа құпиясөз').fill('шебердің-жаңа-құпиясөзі');
    await master.getByRole('button', { name: 'Жаңа құпиясөзді сақтау' }).click();
    await master.getByRole('button', { name: 'Шығу' }).waitFor();
    await master.getByRole('button', { name: 'Мәзір' }).click();
    await master.getByRole('link', { name: 'Бүгін' }).waitFor();
  });

  it('renames and resets a password in Russian; the audit log of that account says so', async () => {
    const staff = await createUser(stack.dataSource, 'staff', {
      fullName: `Иванова Мария ${suffix}`,
    });
    const page = await pageIn(stack, 'ru');
    await signInAs(page, 'ru', adminEmail);
    await page.getByRole('link', { name: 'Учётные записи' }).click();
    await page.getByRole('textbox', { name: 'ФИО или эл. почта' }).fill(`Иванова Мария ${suffix}`);

    await page.getByRole('button', { name: `Изменить: ${staff.fullName}` }).click();
    const form = page.getByRole('dialog', { name: `Учётная запись: ${staff.fullName}` });
    const renamed = `Иванова-Смагулова Мария ${suffix}`;
    await form.getByRole('textbox', { name: 'ФИО', exact: true }).fill(renamed);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    expect(await shown(page.getByRole('status'), renamed)).toBe(
      `Учётная запись сохранена: ${renamed}`,
    );

    await page.getByRole('textbox', { name: 'ФИО или эл. почта' }).fill(renamed);
    await page.getByRole('button', { name: `Сбросить пароль: ${renamed}` }).click();
    const confirm = page.getByRole('dialog', { name: `Сбросить пароль: ${renamed}` });
    await confirm.getByRole('button', { name: 'Сбросить пароль', exact: true }).click();
    const handOver = page.getByRole('dialog', { name: 'Временный пароль' });
    const temporary = ((await handOver.locator('pre, code').first().textContent()) ?? '').trim();
    await screenshot(page, 'admin-temporary-password-ru');
    await handOver.getByRole('button', { name: 'Готово' }).click();
    expect(await shown(page.getByRole('status'), 'сброшен')).toBe(`Пароль сброшен: ${renamed}`);

    // The old password no longer opens the account; the temporary one does.
    const login = (password: string) =>
      fetch(`${stack.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: staff.email, password }),
      });
    expect((await login(TEST_PASSWORD)).status).toBe(401);
    expect((await login(temporary)).status).toBe(200);

    // The audit log, narrowed to this one account.
    await page.getByRole('link', { name: 'Журнал изменений' }).click();
    await page.getByRole('heading', { name: 'Журнал изменений' }).waitFor();
    await choose(
      page,
      page.getByRole('combobox', { name: 'Запись', exact: true }),
      'учётная запись',
    );
    // The id is typed: the list follows once the typing pauses.
    const narrowed = page.waitForResponse((r) => r.url().includes(`entityId=${staff.id}`));
    await page.getByRole('textbox', { name: 'Идентификатор записи' }).fill(staff.id);
    await narrowed;
    const rows = page.getByRole('row');
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 2");
    await rows.filter({ hasText: 'Сброс пароля' }).waitFor();
    const cells = async (text: string) =>
      (await rows.filter({ hasText: text }).getByRole('cell').allTextContents()).slice(1, 3);
    expect(await cells('Сброс пароля')).toEqual([
      `${adminName} · Администратор`,
      'Сброс пароля · учётная записьПароль: сброшен',
    ]);
    expect(await cells('Изменение')).toEqual([
      `${adminName} · Администратор`,
      `Изменение · учётная записьФИО: ${staff.fullName} → ${renamed}`,
    ]);
    // Almaty time, in Russian words.
    const when = (await rows.nth(1).getByRole('cell').first().textContent()) ?? '';
    expect(when).toMatch(/^\d{1,2} [а-я]+ \d{4}( г\.)?, \d{2}:\d{2}$/);
    expect(new URL(page.url()).searchParams.get('entityId')).toBe(staff.id);
    await screenshot(page, 'admin-audit-ru');
  });

  it('adds and removes a holiday of next year, in Kazakh', async () => {
    const year = new Date().getFullYear() + 2;
    const date = `${year}-06-${10 + (Date.now() % 18)}`;
    const page = await pageIn(stack, 'kk');
    await signInAs(page, 'kk', adminEmail);
    await page.getByRole('link', { name: 'Мереке күндері' }).click();
    await page.getByRole('button', { name: 'Мереке күнін қосу' }).click();
    const form = page.getByRole('dialog', { name: 'Мереке күнін қосу' });
    await form.getByLabel('Күні').fill(date);
    await form.getByRole('textbox', { name: 'Қазақша атауы' }).fill('Шебер күні');
    await form.getByRole('textbox', { name: 'Орысша атауы' }).fill('День мастера');
    await form.getByRole('button', { name: 'Сақтау' }).click();
    // The English name is required too, and said so beside its field.
    const english = form.getByRole('textbox', { name: 'Ағылшынша атауы' });
    await form.locator('.mantine-InputWrapper-error').first().waitFor();
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    await english.fill('Master’s day');
    await form.getByRole('button', { name: 'Сақтау' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await shown(page.getByRole('status'), 'Шебер күні')).toMatch(
      /^Мереке күні қосылды: .*, Шебер күні$/,
    );
    const row = page.getByRole('row').filter({ hasText: 'Шебер күні' });
    await row.waitFor();
    const admin = await stack.apiAs(adminEmail);
    const listed = await admin<{ date: string; nameKk: string; nameEn: string }[]>(
      'GET',
      `/api/holidays?year=${year}`,
    );
    expect(listed).toContainEqual({
      date,
      nameKk: 'Шебер күні',
      nameRu: 'День мастера',
      nameEn: 'Master’s day',
    });
    await screenshot(page, 'admin-holidays-kk');

    await row.getByRole('button').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Алып тастау' }).click();
    await shown(page.getByRole('status'), 'алынып тасталды');
    expect(await page.getByRole('row').filter({ hasText: 'Шебер күні' }).count()).toBe(0);
    const after = await admin<{ date: string }[]>('GET', `/api/holidays?year=${year}`);
    expect(after.map((h) => h.date)).not.toContain(date);
  });

  it('adds and renames an employment centre in Russian', async () => {
    const page = await pageIn(stack, 'ru');
    await signInAs(page, 'ru', adminEmail);
    await page.getByRole('link', { name: 'Центры занятости' }).click();
    await page.getByRole('button', { name: 'Новый центр занятости' }).click();
    const form = page.getByRole('dialog', { name: 'Новый центр занятости' });
    const name = `Центр занятости г. Сарани ${suffix}`;
    await form.getByRole('textbox', { name: 'Название', exact: true }).fill(name);
    await form.getByRole('textbox', { name: 'Регион' }).fill('Карагандинская область');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    expect(await shown(page.getByRole('status'), name)).toBe(`Центр занятости сохранён: ${name}`);

    await page.getByRole('button', { name: `Изменить: ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Изменить: ${name}` });
    const renamed = `Центр занятости города Сарани ${suffix}`;
    await edit.getByRole('textbox', { name: 'Название', exact: true }).fill(renamed);
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('row').filter({ hasText: renamed }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: name }).count()).toBe(0);
  });

  it('lets a staff member change the own password from the menu; other sessions end', async () => {
    const staff = await createUser(stack.dataSource, 'staff');
    const elsewhere = await stack.apiAs(staff.email);
    const page = await pageIn(stack, 'ru', { mobile: true });
    await signInAs(page, 'ru', staff.email);
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    await page.getByRole('button', { name: 'Меню' }).click();
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    const form = page.getByRole('dialog', { name: 'Смена пароля' });
    await form.getByLabel('Текущий пароль').fill('not-the-password');
    await form.getByLabel(/^Новый пароль/).fill('новый-пароль-сотрудника');
    await form.getByLabel('Повторите новый пароль').fill('новый-пароль-сотрудника');
    await form.getByRole('button', { name: 'Сохранить новый пароль' }).click();
    await form.getByText('Текущий пароль неверен').waitFor();
    await form.getByLabel('Текущий пароль').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Сохранить новый пароль' }).click();
    expect(await shown(form.getByRole('status'), 'изменён')).toBe(
      'Пароль изменён. Другие ваши сеансы завершены.',
    );
    await form.getByRole('button', { name: 'Готово' }).click();
    // This window stays signed in; the session elsewhere has ended.
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    await expect(elsewhere('GET', '/api/auth/me')).rejects.toThrow(/401/);
  });
});
