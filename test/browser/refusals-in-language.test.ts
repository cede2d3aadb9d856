import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

/**
 * A refused form in Kazakh and in Russian: each field's message beside its field, in the
 * language chosen, gone once the field changes; a refusal of the server's rules in that language
 * too, naming the group it is about.
 */

const TEXTS = {
  kk: {
    language: 'Қазақша',
    groupsLink: 'Топтар',
    newGroup: 'Жаңа топ',
    code: 'Коды',
    startDate: 'Басталу күні',
    endDate: 'Аяқталу күні',
    save: 'Сақтау',
    endBeforeStart: 'Басталу күнінен ерте болмауы керек',
    traineesLink: 'Тыңдаушылар',
    register: 'Тыңдаушыны тіркеу',
    iin: 'ЖСН',
    lastName: 'Тегі',
    firstName: 'Аты',
    required: 'Міндетті өріс',
    checksum: 'Бақылау цифры сәйкес келмейді: қатені тексеріңіз',
    enrollTab: 'Оқуға алу',
    find: 'Тыңдаушыны іздеу',
    overlap: (other: string) => `Тыңдаушы уақыты қабаттасатын басқа топта оқиды (${other})`,
  },
  ru: {
    language: 'Русский',
    groupsLink: 'Группы',
    newGroup: 'Новая группа',
    code: 'Код',
    startDate: 'Дата начала',
    endDate: 'Дата окончания',
    save: 'Сохранить',
    endBeforeStart: 'Не раньше даты начала',
    traineesLink: 'Слушатели',
    register: 'Зарегистрировать слушателя',
    iin: 'ИИН',
    lastName: 'Фамилия',
    firstName: 'Имя',
    required: 'Обязательное поле',
    checksum: 'Контрольная цифра не сходится: проверьте опечатку',
    enrollTab: 'Зачислить',
    find: 'Найти слушателя',
    overlap: (other: string) =>
      `Слушатель учится в другой группе в пересекающееся время (${other})`,
  },
} as const;

/** The message Mantine shows under a field, found by the field's accessible name. */
function errorOf(form: Locator, label: string): Locator {
  return form
    .locator('.mantine-InputWrapper-root')
    .filter({ has: form.page().getByRole('textbox', { name: label, exact: true }) })
    .locator('.mantine-InputWrapper-error');
}

describe.each(['kk', 'ru'] as const)('a refused form in %s', (language) => {
  const text = TEXTS[language];
  let stack: BrowserStack;
  let staffEmail: string;
  const courseTitle = `Киіз ${language} ${Date.now().toString(36)}`;

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    await createCourse(stack.dataSource, { craft: 'felt', title: courseTitle });
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function staffPage(): Promise<Page> {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: text.language }).click();
    await page.waitForFunction(`document.documentElement.lang === '${language}'`);
    return page;
  }

  it('shows each field’s message beside it, and clears it when the field changes', async () => {
    const page = await staffPage();
    await page.getByRole('link', { name: text.groupsLink }).click();
    await page.getByRole('button', { name: text.newGroup }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: text.code, exact: true })
      .fill(`ER-${Date.now().toString(36)}`);
    await dialog.getByRole('textbox', { name: text.startDate, exact: true }).fill('2027-03-10');
    await dialog.getByRole('textbox', { name: text.endDate, exact: true }).fill('2027-03-01');
    await dialog.getByRole('combobox', { name: 'Курс' }).click();
    await page.getByRole('option', { name: courseTitle }).click();
    await dialog.getByRole('button', { name: text.save }).click();
    // The service's own rule: the end before the start, beside the end date.
    const endError = errorOf(dialog, text.endDate);
    expect(await shown(endError, text.endBeforeStart)).toBe(text.endBeforeStart);
    await screenshot(page, `refused-group-${language}`);
    await dialog.getByRole('textbox', { name: text.endDate, exact: true }).fill('2027-03-31');
    await endError.waitFor({ state: 'detached' });

    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: text.traineesLink }).click();
    await page.getByRole('button', { name: text.register }).first().click();
    const good = freshIin();
    const badIin = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    await dialog.getByRole('textbox', { name: text.iin, exact: true }).fill(badIin);
    await dialog.getByRole('textbox', { name: text.firstName, exact: true }).fill('Айгүл');
    await dialog.getByRole('button', { name: text.register }).click();
    expect(await shown(errorOf(dialog, text.iin), text.checksum)).toBe(text.checksum);
    const lastNameError = errorOf(dialog, text.lastName);
    expect(await shown(lastNameError, text.required)).toBe(text.required);
    await screenshot(page, `refused-trainee-${language}`);
    await dialog.getByRole('textbox', { name: text.lastName, exact: true }).fill('Серікова');
    await lastNameError.waitFor({ state: 'detached' });
    // The IIN's message stays beside the IIN until the IIN changes.
    expect(await errorOf(dialog, text.iin).textContent()).toBe(text.checksum);
  });

  it('says why the server refused, in this language, naming the other group', async () => {
    const api = await stack.apiAs(staffEmail);
    const stamp = Date.now().toString(36).toUpperCase();
    const first = await createGroup(stack.dataSource);
    const second = await createGroup(stack.dataSource);
    const lastName = `Оразова${stamp}`;
    const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Дана' });
    await api('POST', `/api/groups/${first.id}/enrollments`, { traineeId: trainee.id });

    const page = await staffPage();
    await page.goto(`/groups/${second.id}`);
    await page.getByRole('tab', { name: text.enrollTab }).click();
    await page.getByLabel(text.find).fill(lastName);
    await page.getByRole('button', { name: `${text.enrollTab}: ${lastName} Дана` }).click();
    const expected = text.overlap(first.code);
    expect(await shown(page.getByRole('alert'), expected)).toBe(expected);
    await screenshot(page, `refused-enrollment-${language}`);
  });
});
