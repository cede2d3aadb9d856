// Screenshots of the main screens for the README, taken from a running Sheber with demo data:
//   npm start            (in another terminal)
//   node scripts/screenshots.mjs [http://localhost:3000]
// Needs Chromium (Debian: apt-get install chromium; CHROMIUM_PATH for another build).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = 'docs/screenshots';
const password = 'sheber-demo-2026';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function session(email, { mobile = false, language = 'en' } = {}) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: mobile ? { width: 360, height: 740 } : { width: 1280, height: 800 },
    isMobile: mobile,
    hasTouch: mobile,
    locale: language,
    timezoneId: 'Asia/Almaty',
  });
  const page = await context.newPage();
  await page.goto('/');
  if (email) {
    await page.getByRole('textbox', { name: /email|пошта|почта/i }).fill(email);
    await page.getByRole('textbox', { name: /password|құпиясөз|пароль/i }).fill(password);
    await page.keyboard.press('Enter');
    await page.locator('header button').last().waitFor();
  }
  return page;
}

const shot = async (page, name) => {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
};

const signInPage = await session(null, { language: 'kk' });
await shot(signInPage, 'sign-in');

const staff = await session('staff@sheber.kz');
await shot(staff, 'staff-dashboard');
await staff.getByRole('link', { name: 'Groups' }).click();
await staff.getByRole('link', { name: 'PT-2026-05' }).click();
await staff.getByRole('heading', { name: /PT-2026-05/ }).waitFor();
await shot(staff, 'staff-group');
await staff.getByRole('tab', { name: 'Enroll' }).click();
await staff.getByRole('textbox', { name: 'Find a trainee' }).fill('ова');
await staff.getByRole('table', { name: 'Trainees found' }).waitFor();
await shot(staff, 'staff-enroll');
await staff.goto('/trainees');
await staff.getByRole('button', { name: 'Register a trainee' }).click();
await staff.getByRole('dialog').getByRole('textbox', { name: 'IIN' }).fill('100515600014');
await shot(staff, 'staff-register-trainee');
await staff.goto('/certificates');
await staff.getByRole('combobox', { name: 'Completed group' }).click();
await staff.getByRole('option').first().click();
await staff.getByText(/ ready · /).waitFor();
await shot(staff, 'staff-certificates');

const master = await session('master.jewelry@sheber.kz', { mobile: true, language: 'kk' });
await shot(master, 'master-today');
await master.goto('/my-groups');
await shot(master, 'master-groups');

const officer = await session('officer@enbek-karaganda.kz', { language: 'ru' });
// The demo data has no referrals yet: the officer sends two, and the centre takes one in.
const added = await officer.evaluate(async () => {
  const csrf = decodeURIComponent(document.cookie.replace(/^.*sheber_csrf=([^;]*).*$/, '$1'));
  const send = (method, path, body) =>
    fetch(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  if ((await send('GET', '/api/referrals?limit=1').catch(() => ({ total: 0 }))).total > 0)
    return [];
  return [
    await send('POST', '/api/referrals', {
      number: 'ҚР-2026-0147',
      person: {
        iin: '870412400016',
        lastName: 'Сейітова',
        firstName: 'Ақмарал',
        categories: ['job_seeker'],
      },
      craft: 'pottery',
      note: 'Тіркелген жұмыссыз, 2026 ж. қыркүйектен',
    }),
    await send('POST', '/api/referrals', {
      number: 'ҚР-2026-0152',
      person: {
        iin: '920228300021',
        lastName: 'Нұрғалиев',
        firstName: 'Ерлан',
        categories: ['job_seeker'],
      },
      craft: 'leather',
    }),
  ];
});
if (added.length > 0) {
  const groupId = await staff.evaluate(async () => {
    const r = await fetch('/api/groups?status=open&limit=100');
    return (await r.json()).items.find((g) => g.course.craft === 'pottery')?.id;
  });
  await staff.evaluate(
    async ([id, group]) => {
      const csrf = decodeURIComponent(document.cookie.replace(/^.*sheber_csrf=([^;]*).*$/, '$1'));
      await fetch(`/api/referrals/${id}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ groupId: group }),
      });
    },
    [added[0].id, groupId],
  );
  console.log('Added two demo referrals and accepted one');
  await officer.reload();
}
await shot(officer, 'officer-referrals');
await officer.goto('/report');
await officer.getByRole('textbox', { name: 'С' }).fill('2026-01-01');
await officer.getByRole('button', { name: 'Показать' }).click();
await shot(officer, 'officer-report');

const code = await staff.evaluate(async () => {
  const response = await fetch('/api/certificates?status=issued&limit=1');
  return (await response.json()).items[0]?.verificationCode;
});
const verify = await session(null, { mobile: true, language: 'kk' });
await verify.goto(`/verify/${code}`);
await verify.getByRole('status').waitFor();
await shot(verify, 'verify-valid');

await browser.close();
