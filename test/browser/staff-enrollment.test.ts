import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createTrainee, freshIin, MON_WED_MORNING } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

describe('staff in the browser', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let groupId: string;
  let groupCode: string;

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    const api = await stack.apiAs(staffEmail);
    const course = await createCourse(stack.dataSource, { craft: 'felt', title: 'Киіз басу' });
    groupCode = `FL-${Date.now().toString(36).toUpperCase()}`;
    const group = await api<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: groupCode,
      startDate: '2027-02-01',
      endDate: '2027-03-31',
      schedule: MON_WED_MORNING,
      capacity: 2,
    });
    groupId = group.id;
    await api('POST', `/api/groups/${groupId}/open`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('enrolls trainees found by name until the group is full, then onto the waitlist', async () => {
    const names = ['Жанарова', 'Бекболатова', 'Нұрланова'].map(
      (lastName) => `${lastName}${Date.now().toString(36)}`,
    );
    for (const lastName of names) {
      await createTrainee(stack.dataSource, { lastName, firstName: 'Айгүл' });
    }
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: groupCode }).click();
    await page.getByRole('heading', { name: `Group ${groupCode}` }).waitFor();
    await page.getByRole('tab', { name: 'Enroll' }).click();

    const search = page.getByLabel('Find a trainee');
    for (const [index, lastName] of names.entries()) {
      await search.fill(lastName);
      await page.getByRole('button', { name: `Enroll: ${lastName} Айгүл` }).click();
      const expected =
        index < 2
          ? `${lastName} Айгүл is enrolled`
          : `The group is full: ${lastName} Айгүл is on the waitlist at No. 1`;
      expect(await shown(page.getByRole('status'), expected)).toBe(expected);
      // The row says where the trainee went; the button is not offered again.
      const results = page.getByRole('table', { name: 'Trainees found' });
      const placed = index < 2 ? 'Enrolled in the group' : 'On the waitlist';
      expect(await shown(results.getByRole('row').filter({ hasText: lastName }), placed)).toContain(
        placed,
      );
      expect(await page.getByRole('button', { name: `Enroll: ${lastName} Айгүл` }).count()).toBe(0);
      if (index === 2) await screenshot(page, 'staff-enroll');
    }
    expect(await shown(page.getByLabel('Seats'), 'waitlist 1')).toBe('2 of 2, waitlist 1');

    await page.getByRole('tab', { name: 'Roster and waitlist' }).click();
    const roster = page.getByRole('table', { name: 'Roster and waitlist' });
    const rows = roster.getByRole('row');
    await rows.nth(3).waitFor();
    expect(await rows.nth(1).textContent()).toContain('Active');
    expect(await rows.nth(2).textContent()).toContain('Active');
    expect(await rows.nth(3).textContent()).toMatch(
      new RegExp(`^${names[2]} Айгүл.*Waitlist.*No\\. 1`),
    );
    await screenshot(page, 'staff-group');
  });

  it('withdrawing an active trainee promotes the first on the waitlist', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.goto(`/groups/${groupId}`);
    const roster = page.getByRole('table', { name: 'Roster and waitlist' });
    const first = roster.getByRole('row').nth(1);
    const name = (await first.getByRole('cell').first().textContent())!;
    await first.getByRole('button', { name: `Withdraw: ${name}` }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('moved to another city');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await shown(page.getByLabel('Seats'), 'waitlist 0')).toBe('2 of 2, waitlist 0');
  });

  it('shows the API’s field errors beside the fields of the group form', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.goto('/groups');
    await page.getByRole('button', { name: 'New group' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Code').fill('no spaces allowed');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const message = '2–32 letters, digits or dashes, e.g. JW-2026-03';
    await dialog.getByText(message).first().waitFor();
    // Beside the field: the message is the input's description for assistive technology too.
    const describedBy = await dialog.getByLabel('Code').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(message);
    await screenshot(page, 'staff-new-group');
  });

  it('registers a minor: the IIN is checked as typed, a guardian is asked for, the list masks the IIN', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Trainees' }).click();
    await page.getByRole('button', { name: 'Register a trainee' }).click();
    const form = page.getByRole('dialog');
    const iinInput = form.getByRole('textbox', { name: 'IIN' });
    const iin = freshIin('male', '2012-09-03');
    // A typo in the check digit is caught before anything is sent.
    await iinInput.fill(`${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`);
    await form.getByText('The check digit does not match: look for a typo').waitFor();
    await iinInput.fill(iin);
    await form.getByText('Born 3 September 2012, male').waitFor();
    await form.getByText('Under 18: a guardian is required').waitFor();
    const lastName = `Асанов${Date.now().toString(36)}`;
    await form.getByRole('textbox', { name: 'Last name' }).fill(lastName);
    await form.getByRole('textbox', { name: 'First name' }).fill('Нұржан');
    await form.getByRole('checkbox', { name: 'Youth' }).check();
    await form
      .getByRole('checkbox', { name: 'Consents to the processing of personal data' })
      .check();
    await form.getByRole('textbox', { name: "Guardian's phone" }).fill('+7 701 234 5678');
    await form.getByRole('button', { name: 'Register a trainee' }).click();
    // The API's refusal, beside the field it concerns.
    const refusal = await shown(form.getByText(/Required for a trainee under 18/), 'under 18');
    const describedBy = await form
      .getByRole('textbox', { name: "Guardian's name" })
      .getAttribute('aria-describedby');
    expect(describedBy).toContain(await form.getByText(refusal).getAttribute('id'));
    await screenshot(page, 'staff-register-trainee');

    await form.getByRole('textbox', { name: "Guardian's name" }).fill('Асанова Гүлнар');
    await form.getByRole('button', { name: 'Register a trainee' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search by name or IIN' }).fill(lastName);
    const row = page.getByRole('row').filter({ hasText: lastName });
    expect(await shown(row, '2012')).toBe(
      `${lastName} Нұржан********${iin.slice(8)}3 September 2012`,
    );
  });
});
