import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup, MON_WED_MORNING } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  fitsTheWindow,
  screenshot,
  shown,
  signedInPage,
  startBrowserStack,
} from '../support/browser';

describe('workshops on a phone, in Kazakh', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('staff add a workshop, then a group held there at the time of another is refused beside the workshop, naming that group', async () => {
    const name = `Киіз шеберханасы ${suffix}`;
    const page = await signedInPage(stack, 'kk', staffEmail, { mobile: true });
    await page.getByRole('button', { name: 'Мәзір' }).tap();
    await page.getByRole('link', { name: 'Шеберханалар' }).tap();
    await page.getByRole('heading', { name: 'Шеберханалар' }).waitFor();

    await page.getByRole('button', { name: 'Шеберхана қосу' }).tap();
    const form = page.getByRole('dialog', { name: 'Шеберхана қосу' });
    await form.getByRole('textbox', { name: 'Атауы' }).fill(name);
    await form.getByRole('combobox', { name: 'Кәсіп' }).click();
    await page.getByRole('option', { name: 'Киіз басу', exact: true }).click();
    await form.getByRole('textbox', { name: 'Жұмыс орындары' }).fill('6');
    await form.getByRole('button', { name: 'Сақтау' }).tap();
    await form.waitFor({ state: 'detached' });
    expect(await shown(page.getByRole('status'), name)).toBe(`Шеберхана сақталды: ${name}`);
    const card = page.getByRole('listitem').filter({ hasText: name });
    expect(await card.textContent()).toContain('Киіз басу');
    expect(await fitsTheWindow(page)).toBe(true);
    await screenshot(page, 'workshops-kk-phone');

    // The same name again, whatever the case of its letters: refused in Kazakh.
    await page.getByRole('button', { name: 'Шеберхана қосу' }).tap();
    await form.getByRole('textbox', { name: 'Атауы' }).fill(name.toLowerCase());
    await form.getByRole('combobox', { name: 'Кәсіп' }).click();
    await page.getByRole('option', { name: 'Киіз басу', exact: true }).click();
    await form.getByRole('button', { name: 'Сақтау' }).tap();
    expect(await shown(form.getByRole('alert'), 'бұрыннан бар')).toBe(
      'Мұндай атауы бар шеберхана бұрыннан бар',
    );
    await form.getByRole('button', { name: 'Жабу' }).tap();

    // A felt group already holds the workshop on Monday and Wednesday mornings.
    const [workshop] = await stack.dataSource.query<{ id: string }[]>(
      'SELECT id FROM workshops WHERE name = $1',
      [name],
    );
    const course = await createCourse(stack.dataSource, {
      craft: 'felt',
      title: `Киіз сырмақ ${suffix}`,
    });
    const holder = await createGroup(stack.dataSource, {
      courseId: course.id,
      status: 'planned',
      startDate: '2028-03-01',
      endDate: '2028-05-31',
      schedule: MON_WED_MORNING,
      capacity: 6,
      workshopId: workshop!.id,
    });

    await page.goto('/groups');
    await page.getByRole('button', { name: 'Жаңа топ' }).tap();
    const groupForm = page.getByRole('dialog', { name: 'Жаңа топ' });
    const workshopField = groupForm.getByRole('combobox', { name: 'Шеберхана' });
    expect(await workshopField.isDisabled()).toBe(true);
    await groupForm.getByRole('combobox', { name: 'Курс' }).fill(course.title);
    await page.getByRole('option', { name: course.title }).click();
    await workshopField.click();
    await page.getByRole('option', { name: `${name} · 6 жұмыс орны` }).click();
    await groupForm.getByRole('textbox', { name: 'Коды' }).fill(`FL-${suffix}`);
    await groupForm.getByRole('textbox', { name: 'Басталу күні', exact: true }).fill('2028-04-03');
    await groupForm.getByRole('textbox', { name: 'Аяқталу күні', exact: true }).fill('2028-06-30');
    // The seats came down from 8 to the workshop's 6 workplaces when it was chosen.
    expect(
      await groupForm.getByRole('textbox', { name: 'Орын саны (ең көбі 8)' }).inputValue(),
    ).toBe('6');
    // The form's first lesson time is Monday 10:00–13:00: the holder's.
    await groupForm.getByRole('button', { name: 'Сақтау' }).tap();
    const refusal = groupForm.locator(`#${(await workshopField.getAttribute('id'))!}-error`);
    expect(await shown(refusal, holder.code)).toBe(
      `«${name}» шеберханасы осы уақытта ${holder.code} тобына берілген (2028-03-01 – 2028-05-31)`,
    );
    expect(await fitsTheWindow(page)).toBe(true);
    await screenshot(page, 'workshop-busy-kk-phone');
    const [count] = await stack.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM groups WHERE workshop_id = $1',
      [workshop!.id],
    );
    expect(count).toEqual({ n: 1 });
  });
});
