import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
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

interface Referral {
  id: string;
  number: string;
  status: string;
  statusReason: string | null;
}

interface Certificate {
  id: string;
  number: string;
  status: string;
  holder: string;
}

/** The texts of the cells of the row of `region` that shows `text`, once it shows. */
async function cellsOf(region: Locator, text: string): Promise<string[]> {
  const row = region.getByRole('row').filter({ hasText: text });
  await row.waitFor();
  return row.getByRole('cell').allTextContents();
}

/** No worker runs here: certificates stay as the API leaves them, pending. */
describe('staff dashboard and referral intake', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let officerEmail: string;
  let staff: ApiClient;
  let admin: ApiClient;
  let officer: ApiClient;
  const suffix = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    officerEmail = (await createUser(stack.dataSource, 'officer')).email;
    staff = await stack.apiAs(staffEmail);
    admin = await stack.apiAs((await createUser(stack.dataSource, 'admin')).email);
    officer = await stack.apiAs(officerEmail);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const enroll = async (groupId: string, count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const trainee = await createTrainee(stack.dataSource, {
        lastName: ['Тоқтарова', 'Сәтбаева', 'Ермекова'][i % 3]!,
        firstName: 'Мадина',
      });
      ids.push(
        (
          await staff<{ id: string }>('POST', `/api/groups/${groupId}/enrollments`, {
            traineeId: trainee.id,
          })
        ).id,
      );
    }
    return ids;
  };

  const countOf = async (status: string) =>
    (await staff<{ total: number }>('GET', `/api/certificates?status=${status}&limit=1`)).total;

  it('shows free seats and waitlists, referrals waiting for intake, certificates not yet issued', async () => {
    const { dataSource } = stack;
    const course = await createCourse(dataSource, { craft: 'felt', title: `Киіз үй ${suffix}` });
    // Starting in 2029, they are the newest groups and head the dashboard's lists.
    const full = await createGroup(dataSource, {
      courseId: course.id,
      capacity: 2,
      startDate: '2029-03-05',
      endDate: '2029-05-31',
    });
    const roomy = await createGroup(dataSource, {
      courseId: course.id,
      startDate: '2029-03-04',
      endDate: '2029-05-31',
    });
    const running = await createGroup(dataSource, {
      courseId: course.id,
      status: 'in_progress',
      capacity: 4,
      startDate: '2029-03-03',
      endDate: '2029-05-31',
    });
    await enroll(full.id, 3);
    await enroll(roomy.id, 3);
    await enroll(running.id, 1);

    const waiting = await officer<Referral>('POST', '/api/referrals', {
      number: `KRG-W-${suffix}`,
      person: { iin: freshIin(), lastName: 'Серікбаева', firstName: 'Ләззат' },
      craft: 'felt',
    });
    const turnedDown = await officer<Referral>('POST', '/api/referrals', {
      number: `KRG-T-${suffix}`,
      person: { iin: freshIin(), lastName: 'Омарова', firstName: 'Жанар' },
      craft: 'felt',
    });
    await staff('POST', `/api/referrals/${turnedDown.id}/reject`, { reason: 'no felt group' });

    // Three graduates of an earlier group; the render of one failed after its last attempt.
    const pendingBefore = await countOf('pending');
    const failedBefore = await countOf('failed');
    const graduating = await createGroup(dataSource, {
      courseId: course.id,
      status: 'in_progress',
    });
    for (const enrollmentId of await enroll(graduating.id, 3)) {
      await admin('POST', `/api/enrollments/${enrollmentId}/complete`, {
        override: true,
        reason: 'dashboard test',
      });
    }
    const { items: certificates } = await staff<{ items: Certificate[] }>(
      'GET',
      `/api/certificates?groupId=${graduating.id}`,
    );
    expect(certificates.map((c) => c.status)).toEqual(['pending', 'pending', 'pending']);
    const [failed, ...pending] = certificates as [Certificate, ...Certificate[]];
    // What the worker records when its last attempt fails.
    await dataSource.query(
      `UPDATE certificates SET status = 'failed', failure_reason = $2 WHERE id = $1`,
      [failed.id, 'the font file could not be read'],
    );

    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    const open = page.getByRole('region', { name: 'Open for enrollment' });
    expect(await cellsOf(open, full.code)).toEqual([
      `${full.code}Felt making`,
      'Free seats: 0Waitlist: 1',
      'Open',
    ]);
    expect(await cellsOf(open, roomy.code)).toEqual([
      `${roomy.code}Felt making`,
      'Free seats: 5',
      'Open',
    ]);
    expect(await open.getByText(running.code).count()).toBe(0);
    const inProgress = page.getByRole('region', { name: 'In progress' });
    expect(await cellsOf(inProgress, running.code)).toEqual([
      `${running.code}Felt making`,
      'Free seats: 3',
      'In progress',
    ]);

    const referrals = page.getByRole('region', { name: 'Referrals waiting for intake' });
    expect(await cellsOf(referrals, waiting.number)).toEqual([
      waiting.number,
      'Серікбаева Ләззат',
      'Felt making',
    ]);
    expect(await referrals.getByText(turnedDown.number).count()).toBe(0);

    const inWork = page.getByRole('region', { name: 'Certificates in progress or failed' });
    expect(await cellsOf(inWork, failed.number)).toEqual([
      failed.number,
      failed.holder,
      'Failed',
      'the font file could not be read',
    ]);
    for (const certificate of pending) {
      expect(await cellsOf(inWork, certificate.number)).toEqual([
        certificate.number,
        certificate.holder,
        'Being prepared',
        '',
      ]);
    }
    expect(await inWork.getByRole('alert').textContent()).toBe(
      `Failed certificates: ${failedBefore + 1}`,
    );
    await inWork.getByText(`Not yet issued: ${pendingBefore + failedBefore + 3}`).waitFor();
    await screenshot(page, 'staff-dashboard-contents');

    // A group's code leads to its page, a referral's number to the intake screen.
    await open.getByRole('link', { name: full.code }).click();
    await page.getByRole('heading', { name: `Group ${full.code}` }).waitFor();
    await page.goBack();
    await referrals.getByRole('link', { name: waiting.number }).click();
    await page.getByRole('heading', { name: 'Referral intake' }).waitFor();
  });

  it('rejects a referral with a reason; the intake screen and the officer see why', async () => {
    const number = `KRG-R-${suffix}`;
    const referral = await officer<Referral>('POST', '/api/referrals', {
      number,
      person: { iin: freshIin(), lastName: 'Байжанова', firstName: 'Гүлнара' },
      craft: 'jewelry',
      note: 'Зейнеткер, үйде жұмыс істегісі келеді',
    });
    const reason = 'Зергерлік тобы толық; келесі маусымда қайта жіберіңіз';

    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.getByRole('link', { name: 'Referral intake' }).click();
    await page.getByRole('button', { name: `Reject: ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reject: ${number}` });
    const reasonBox = dialog.getByRole('textbox', { name: 'Reason' });
    // A reason is required: the refusal shows beside the field.
    await dialog.getByRole('button', { name: 'Reject' }).click();
    const refusal = await shown(dialog.getByText(/^Required$/), 'Required');
    expect(refusal).toBe('Required');
    expect(await reasonBox.getAttribute('aria-describedby')).toContain(
      await dialog.getByText(refusal).getAttribute('id'),
    );
    await reasonBox.fill(reason);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.waitFor({ state: 'detached' });
    // No longer waiting for intake.
    await page.getByRole('cell', { name: number, exact: true }).waitFor({ state: 'detached' });

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Rejected' }).click();
    expect(await cellsOf(page.getByRole('table', { name: 'Referral intake' }), number)).toEqual([
      number,
      "Байжанова ГүлнараPhone: —Officer's note: Зейнеткер, үйде жұмыс істегісі келеді",
      (referral as Referral & { employmentCenter: { name: { en: string } } }).employmentCenter.name
        .en,
      'Jewelry',
      `Rejected${reason}`,
      '',
    ]);
    expect(await page.getByRole('button', { name: `Accept: ${number}` }).count()).toBe(0);
    await screenshot(page, 'staff-intake-rejected');

    const stored = await officer<Referral>('GET', `/api/referrals/${referral.id}`);
    expect(stored).toMatchObject({ status: 'rejected', statusReason: reason });
    const officerPage = await stack.newPage();
    await signIn(officerPage, officerEmail);
    const row = officerPage.getByRole('table', { name: 'Referrals' }).getByRole('row');
    expect(await shown(row.filter({ hasText: number }), 'Rejected')).toContain(`Rejected${reason}`);
  });
});
