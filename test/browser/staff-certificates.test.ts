import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  centreToday,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

interface Certificate {
  id: string;
  number: string;
  status: string;
  verificationCode: string;
}

describe('staff completing a group and following its certificates', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let groupId: string;
  let groupCode: string;

  beforeAll(async () => {
    stack = await startBrowserStack({ worker: true });
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    const master = await createUser(stack.dataSource, 'master', { crafts: ['leather'] });
    const api = await stack.apiAs(staffEmail);
    const course = await createCourse(stack.dataSource, { craft: 'leather', title: 'Былғары' });
    groupCode = `LT-${Date.now().toString(36).toUpperCase()}`;
    // A group that ran last month, recorded from the paper register: every lesson attended.
    const group = await api<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code: groupCode,
      startDate: centreToday(-30),
      endDate: centreToday(-2),
      schedule: [{ weekday: 3, startTime: '10:00', endTime: '13:00' }],
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
    const lessons = await api<{ items: { id: string }[] }>(
      'GET',
      `/api/groups/${groupId}/lessons?limit=100`,
    );
    for (const lesson of lessons.items) {
      await api('PUT', `/api/lessons/${lesson.id}/attendance`, {
        marks: enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
        reason: 'from the paper register',
      });
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('completes the group after confirming, then sees its certificates rendered', async () => {
    const page = await stack.newPage();
    await signIn(page, staffEmail);
    await page.goto(`/groups/${groupId}`);
    await page.getByRole('button', { name: 'Complete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Complete' });
    await confirm.getByText(/reaches the course's minimum/).waitFor();
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(
      await shown(page.getByRole('heading', { level: 2 }).locator('..'), 'Completed'),
    ).toContain('Completed');

    await page.getByRole('link', { name: 'Certificates' }).click();
    await page.getByRole('combobox', { name: 'Completed group' }).click();
    await page.getByRole('option', { name: new RegExp(`^${groupCode}`) }).click();
    // The page looks again while the worker renders; the bar fills.
    expect(await shown(page.getByText(/ready ·/), '2 of 2 ready')).toBe(
      '2 of 2 ready · being prepared 0, failed 0',
    );
    const rows = page.getByRole('row').filter({ hasText: /SHB-\d{4}-\d{5}/ });
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Issued.*Download PDF/);
    // Only an admin revokes.
    expect(await page.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows.first().getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^SHB-\d{4}-\d{5}\.pdf$/);

    // Nothing is missing or failed: asking again queues nothing.
    await page.getByRole('button', { name: 'Issue missing and failed certificates' }).click();
    expect(await shown(page.getByRole('status'), 'Queued')).toBe('Queued for the worker: 0');
    await screenshot(page, 'staff-certificates');
  });

  it('an admin revokes a certificate with a reason; the public check then says it is revoked', async () => {
    const staff = await stack.apiAs(staffEmail);
    const adminEmail = (await createUser(stack.dataSource, 'admin')).email;
    const admin = await stack.apiAs(adminEmail);
    // A graduate of a group that ended a month ago, completed by an admin's override.
    const course = await createCourse(stack.dataSource, { craft: 'souvenirs', title: 'Кәдесый' });
    const group = await createGroup(stack.dataSource, {
      courseId: course.id,
      status: 'in_progress',
      startDate: centreToday(-90),
      endDate: centreToday(-30),
    });
    const trainee = await createTrainee(stack.dataSource, {
      lastName: 'Ермекова',
      firstName: 'Сания',
    });
    const enrollment = await staff<{ id: string }>('POST', `/api/groups/${group.id}/enrollments`, {
      traineeId: trainee.id,
    });
    await admin('POST', `/api/enrollments/${enrollment.id}/complete`, {
      override: true,
      reason: 'completed on the paper register',
    });
    await staff('POST', `/api/groups/${group.id}/complete`);
    const { items } = await staff<{ items: Certificate[] }>(
      'GET',
      `/api/certificates?groupId=${group.id}`,
    );
    const certificate = items[0]!;

    const page = await stack.newPage();
    await signIn(page, adminEmail);
    await page.getByRole('link', { name: 'Certificates' }).click();
    await page.getByRole('combobox', { name: 'Completed group' }).click();
    await page.getByRole('option', { name: new RegExp(`^${group.code}`) }).click();
    // The button comes once the worker has issued it.
    await page.getByRole('button', { name: `Revoke: ${certificate.number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke: ${certificate.number}` });
    const reason = 'Issued to the wrong person: the holder did not attend';
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: certificate.number });
    await shown(row, 'Revoked');
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.map((text) => text.trim())).toEqual([
      certificate.number,
      'Ермекова Сания',
      'Revoked',
      expect.stringMatching(/\d{4}, \d\d:\d\d$/),
      'Download PDF',
    ]);
    expect(await row.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    await screenshot(page, 'admin-certificate-revoked');
    expect(
      await staff<Certificate & { revokeReason: string }>(
        'GET',
        `/api/certificates/${certificate.id}`,
      ),
    ).toMatchObject({ status: 'revoked', revokeReason: reason });

    await page.goto(`/verify/${certificate.verificationCode}`);
    expect(await shown(page.getByRole('status'), 'Revoked')).toBe(
      'RevokedThis certificate was revoked and is no longer valid.',
    );
    expect(await page.getByText(certificate.number).count()).toBe(1);
    await page.getByText(/^Revoked: /).waitFor();
  });
});
