import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import { type BrowserStack, screenshot, shown, startBrowserStack } from '../support/browser';

interface Certificate {
  id: string;
  number: string;
  status: string;
  verificationCode: string;
}

/** The public page the certificate's QR code opens: no sign-in. */
describe('certificate verification page', () => {
  let stack: BrowserStack;
  let valid: Certificate;
  let revoked: Certificate;
  let reissued: Certificate;
  let replacement: Certificate;

  beforeAll(async () => {
    stack = await startBrowserStack({ worker: true });
    const staff = await stack.apiAs((await createUser(stack.dataSource, 'staff')).email);
    const admin = await stack.apiAs((await createUser(stack.dataSource, 'admin')).email);
    const group = await createGroup(stack.dataSource, { status: 'in_progress' });

    // Two graduates through the API; the worker renders their certificates.
    const issue = async (lastName: string): Promise<Certificate> => {
      const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Әсел' });
      const enrollment = await staff<{ id: string }>(
        'POST',
        `/api/groups/${group.id}/enrollments`,
        {
          traineeId: trainee.id,
        },
      );
      await admin('POST', `/api/enrollments/${enrollment.id}/complete`, {
        override: true,
        reason: 'verification page test',
      });
      for (;;) {
        const { items } = await staff<{ items: Certificate[] }>(
          'GET',
          `/api/certificates?traineeId=${trainee.id}`,
        );
        if (items[0]?.status === 'issued') return items[0];
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    valid = await issue('Төлеуова');
    revoked = await issue('Жұмабаева');
    await admin('POST', `/api/certificates/${revoked.id}/revoke`, { reason: 'issued by mistake' });
    reissued = await issue('Сейітова');
    replacement = await admin<Certificate>('POST', `/api/certificates/${reissued.id}/reissue`, {
      reason: 'the surname was misspelt',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('says clearly that an issued certificate is valid, with its holder and number', async () => {
    const page = await stack.newPage({ mobile: true });
    await page.goto(`/verify/${valid.verificationCode}`);
    const verdict = page.getByRole('status');
    expect(await shown(verdict, 'Valid')).toMatch(/^Valid/);
    expect(await page.getByText(valid.number).count()).toBe(1);
    expect(await page.getByText('Төлеуова Әсел').count()).toBe(1);
    await screenshot(page, 'verify-valid');
  });

  it('says clearly that a revoked certificate is no longer valid', async () => {
    const page = await stack.newPage({ mobile: true });
    await page.goto(`/verify/${revoked.verificationCode}`);
    expect(await shown(page.getByRole('status'), 'Revoked')).toBe(
      'RevokedThis certificate was revoked and is no longer valid.',
    );
    await page.getByText(/^Revoked: /).waitFor();
    await screenshot(page, 'verify-revoked');
  });

  it('names the certificate that replaced a reissued one', async () => {
    const page = await stack.newPage({ mobile: true });
    await page.goto(`/verify/${reissued.verificationCode}`);
    expect(await shown(page.getByRole('status'), 'Revoked')).toMatch(/^Revoked/);
    await page.getByText(`Replaced by certificate: ${replacement.number}`).waitFor();
    expect(replacement.number).not.toBe(reissued.number);
  });

  it('says a code nobody issued is unknown', async () => {
    const page = await stack.newPage({ mobile: true });
    await page.goto('/verify/0000000000000000');
    expect(await shown(page.getByRole('status'), 'Unknown')).toMatch(/^Unknown/);
    expect(await page.getByText('Holder').count()).toBe(0);
  });
});
