import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, createTrainee, createWorkshop } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type ApiClient,
  type BrowserStack,
  fitsTheWindow,
  screenshot,
  shown,
  signedInPage,
  startBrowserStack,
} from '../support/browser';

describe('correcting what was saved: the trainee page and a group’s details', () => {
  let stack: BrowserStack;
  let adminEmail: string;
  let staffEmail: string;
  let admin: ApiClient;

  beforeAll(async () => {
    stack = await startBrowserStack();
    adminEmail = (await createUser(stack.dataSource, 'admin')).email;
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    admin = await stack.apiAs(adminEmail);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens a trainee from the roster on a phone, in Kazakh, shows the IIN on request and corrects the name; the audit log shows the change', async () => {
    const group = await createGroup(stack.dataSource);
    const trainee = await createTrainee(stack.dataSource, {
      lastName: 'Оспанва',
      firstName: 'Айгерім',
      phone: '+7 701 555 0101',
    });
    await admin('POST', `/api/groups/${group.id}/enrollments`, { traineeId: trainee.id });

    const page = await signedInPage(stack, 'kk', adminEmail, { mobile: true });
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('link', { name: 'Оспанва Айгерім' }).click();
    await page.getByRole('heading', { name: 'Оспанва Айгерім' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/trainees/${trainee.id}`);

    // The IIN is masked until asked for; asking is written to the audit log.
    const masked = `********${trainee.iin.slice(-4)}`;
    await page.getByText(masked).waitFor();
    expect(await page.getByText(trainee.iin).count()).toBe(0);
    await page.getByRole('button', { name: 'ЖСН-ді көрсету' }).click();
    await page.getByText(trainee.iin).waitFor();
    await page.getByText('Сізге көрсетілді; бұл өзгерістер журналына жазылды.').waitFor();
    // The group it is enrolled in, with its status.
    await page.getByRole('link', { name: group.code }).waitFor();
    await page.getByText('+7 701 555 0101').waitFor();
    expect(await fitsTheWindow(page)).toBe(true);

    await page.getByRole('button', { name: 'Деректерді түзету' }).click();
    const form = page.getByRole('dialog', { name: 'Деректерді түзету' });
    await form.getByRole('textbox', { name: 'Тегі' }).fill('');
    await form.getByRole('button', { name: 'Сақтау' }).click();
    // A refusal beside its field, in Kazakh.
    await form
      .getByRole('textbox', { name: 'Тегі' })
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    await form.getByRole('textbox', { name: 'Тегі' }).fill('Оспанова');
    await form.getByRole('button', { name: 'Сақтау' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await shown(page.getByRole('status'), 'сақталды')).toBe(
      'Тыңдаушының деректері сақталды және өзгерістер журналына жазылды.',
    );
    await page.getByRole('heading', { name: 'Оспанова Айгерім' }).waitFor();
    expect(await fitsTheWindow(page)).toBe(true);
    await screenshot(page, 'trainee-page-phone-kk');

    await page.getByRole('link', { name: 'Өзгерістер тарихы' }).click();
    await page.getByText('Тегі: Оспанва → Оспанова').waitFor();
    await page.getByText('ЖСН көрсетілді · тыңдаушы').waitFor();
    const rows = await stack.dataSource.query<{ action: string }[]>(
      "SELECT action FROM audit_log WHERE entity = 'trainee' AND entity_id = $1 ORDER BY at",
      [trainee.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['view_iin', 'update']);
  });

  it('moves a group to a workshop in Russian; seats below the trainees already in are refused beside the field', async () => {
    const group = await createGroup(stack.dataSource);
    const workshop = await createWorkshop(stack.dataSource, { name: `Гончарная ${group.code}` });
    for (const firstName of ['Дана', 'Ерлан']) {
      const trainee = await createTrainee(stack.dataSource, { firstName });
      await admin('POST', `/api/groups/${group.id}/enrollments`, { traineeId: trainee.id });
    }
    const page = await signedInPage(stack, 'ru', staffEmail);
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { name: `Группа ${group.code}` }).waitFor();
    await page.getByRole('tab', { name: 'Данные' }).click();

    // Only the active workshops of the course's craft are offered.
    await page.getByRole('combobox', { name: 'Мастерская' }).click();
    await page.getByRole('option', { name: `${workshop.name} · рабочих мест: 8` }).click();
    await page.getByRole('button', { name: 'Сохранить данные' }).click();
    expect(await shown(page.getByRole('status'), 'сохранены')).toBe('Данные группы сохранены.');
    await page.getByText(`· Мастерская: ${workshop.name}`, { exact: false }).waitFor();

    const seats = page.getByRole('textbox', { name: /^Мест/ });
    await seats.fill('1');
    await page.getByRole('button', { name: 'Сохранить данные' }).click();
    const refusal = page.locator(`#${(await seats.getAttribute('id'))!}-error`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[А-Яа-я]/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'group-details-ru');

    const [saved] = await stack.dataSource.query<{ workshop_id: string; capacity: number }[]>(
      'SELECT workshop_id, capacity FROM groups WHERE id = $1',
      [group.id],
    );
    expect(saved).toEqual({ workshop_id: workshop.id, capacity: group.capacity });
  });
});
