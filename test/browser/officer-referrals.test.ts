import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, freshIin } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

describe('an employment-centre officer', () => {
  let stack: BrowserStack;
  let officerEmail: string;
  let staffEmail: string;
  let otherReferral: { id: string; number: string };
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    officerEmail = (await createUser(stack.dataSource, 'officer')).email;
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    // Another centre's officer has referred someone too.
    const other = await stack.apiAs((await createUser(stack.dataSource, 'officer')).email);
    otherReferral = await other('POST', '/api/referrals', {
      number: `OTHER-${suffix}`,
      person: { iin: freshIin(), lastName: 'Басқа', firstName: 'Орталық' },
      craft: 'leather',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refers a job seeker, sees only the own centre’s referrals, and records the outcome', async () => {
    const page = await stack.newPage();
    await signIn(page, officerEmail);
    await page.getByRole('heading', { name: 'Referrals' }).waitFor();
    await page.getByText('No referrals').waitFor();

    await page.getByRole('button', { name: 'New referral' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Document number' }).fill(`KRG-${suffix}`);
    const iin = freshIin('female', '1990-04-17');
    await form.getByRole('textbox', { name: 'IIN' }).fill(iin.slice(0, 11));
    await form.getByText('12 digits; the birth date is read from it').waitFor();
    await form.getByRole('textbox', { name: 'IIN' }).fill(iin);
    await form.getByText('Born 17 April 1990, female').waitFor();
    await form.getByRole('textbox', { name: 'Last name' }).fill('Ахметова');
    await form.getByRole('textbox', { name: 'First name' }).fill('Динара');
    await form.getByRole('combobox', { name: 'Craft' }).click();
    await page.getByRole('option', { name: 'Pottery' }).click();
    await screenshot(page, 'officer-new-referral');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await form.waitFor({ state: 'detached' });

    const list = page.getByRole('table', { name: 'Referrals' });
    const row = list.getByRole('row').filter({ hasText: `KRG-${suffix}` });
    expect(await shown(row, 'Submitted')).toMatch(/Ахметова Динара.*Pottery.*Submitted/);
    expect(await list.getByText(otherReferral.number).count()).toBe(0);
    expect(await list.getByRole('row').count()).toBe(2);
    // Nor can the session read it by its id.
    const direct = await page.request.get(`/api/referrals/${otherReferral.id}`);
    expect(direct.status()).toBe(404);

    // The centre takes the person into a pottery group on its intake screen; the officer
    // follows it.
    const staff = await stack.apiAs(staffEmail);
    const course = await createCourse(stack.dataSource, { craft: 'pottery' });
    const group = await staff<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: `PT-R-${suffix}`,
      startDate: '2027-03-01',
      endDate: '2027-04-30',
      schedule: [{ weekday: 2, startTime: '14:00', endTime: '17:00' }],
    });
    await staff('POST', `/api/groups/${group.id}/open`);
    const intake = await stack.newPage();
    await signIn(intake, staffEmail);
    await intake.getByRole('link', { name: 'Referral intake' }).click();
    await intake.getByRole('button', { name: `Accept: KRG-${suffix}` }).click();
    const accept = intake.getByRole('dialog');
    await accept.getByRole('combobox', { name: 'Group' }).click();
    await intake.getByRole('option', { name: new RegExp(`^PT-R-${suffix}`) }).click();
    await screenshot(intake, 'staff-intake');
    await accept.getByRole('button', { name: 'Accept', exact: true }).click();
    await accept.waitFor({ state: 'detached' });
    await intake
      .getByRole('cell', { name: `KRG-${suffix}`, exact: true })
      .waitFor({ state: 'detached' });
    const { items } = await staff<{ items: { id: string; number: string }[] }>(
      'GET',
      '/api/referrals?status=enrolled&limit=100',
    );
    const mine = items.find((r) => r.number === `KRG-${suffix}`)!;

    await page.reload();
    expect(await shown(row, 'Enrolled')).toContain(`PT-R-${suffix}`);

    // The training ends; the certificate is on its way.
    const admin = await stack.apiAs((await createUser(stack.dataSource, 'admin')).email);
    const accepted = await staff<{ enrollment: { id: string } }>(
      'GET',
      `/api/referrals/${mine.id}`,
    );
    await staff('POST', `/api/groups/${group.id}/start`).catch(() => undefined);
    await admin('POST', `/api/enrollments/${accepted.enrollment.id}/complete`, {
      override: true,
      reason: 'officer screen test',
    });
    await page.reload();
    expect(await shown(row, 'Completed')).toMatch(/SHB-\d{4}-\d{5} \(Being prepared\)/);
    await row.getByRole('button', { name: `Record outcome: KRG-${suffix}` }).click();
    const outcome = page.getByRole('dialog');
    await outcome.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Individual entrepreneur' }).click();
    const date = outcome.getByRole('textbox', { name: 'Date of the outcome' });
    // The API's refusal shows beside the field.
    await date.fill(centreToday(2));
    await outcome.getByRole('button', { name: 'Save' }).click();
    const refusal = await shown(outcome.getByText(/in the future/), 'in the future');
    const describedBy = await date.getAttribute('aria-describedby');
    expect(describedBy).toContain(
      (await outcome.getByText(refusal).getAttribute('id')) ?? 'the refusal beside the date',
    );
    await date.fill(centreToday());
    await outcome.getByRole('button', { name: 'Save' }).click();
    await outcome.waitFor({ state: 'detached' });
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${centreToday()}T00:00:00Z`),
    );
    expect(await shown(row, 'Individual entrepreneur')).toContain(
      `Individual entrepreneur, ${today}`,
    );
    await screenshot(page, 'officer-referrals');
  });

  it('downloads the period report as CSV and XLSX', async () => {
    const page = await stack.newPage();
    await signIn(page, officerEmail);
    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('textbox', { name: 'From' }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/^Referrals: 1 ·/).waitFor();
    await screenshot(page, 'officer-report');
    for (const [link, extension] of [
      ['Download CSV', 'csv'],
      ['Download XLSX', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: link }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^referrals-.*\\.${extension}$`));
    }
  });
});
