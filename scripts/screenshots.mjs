// Screenshots of the main screens for the README, taken from a running Sheber with demo data, in
// Kazakh and Russian, on a desktop and on a 360 px phone:
//   npm start            (in another terminal)
//   node scripts/screenshots.mjs [http://localhost:3000]
// Needs Chromium (Debian: apt-get install chromium; CHROMIUM_PATH for another build).
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = 'docs/screenshots';
const password = 'sheber-demo-2026';
mkdirSync(out, { recursive: true });

/** The app's own words, so that the script finds buttons and tabs in either language. */
const words = Object.fromEntries(
  ['kk', 'ru'].map((language) => [
    language,
    JSON.parse(readFileSync(`apps/web/src/i18n/${language}.json`, 'utf8')),
  ]),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** A window in `language`, signed in as `email` (none: the sign-in screen). */
async function session(email, { mobile = false, language = 'kk' } = {}) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: mobile ? { width: 360, height: 740 } : { width: 1280, height: 800 },
    isMobile: mobile,
    hasTouch: mobile,
    locale: language,
    timezoneId: 'Asia/Almaty',
  });
  await context.addInitScript(`localStorage.setItem('sheber.language', '${language}')`);
  const page = await context.newPage();
  await page.goto('/');
  if (email) {
    const w = words[language].auth;
    await page.getByRole('textbox', { name: w.email }).fill(email);
    await page.getByRole('textbox', { name: w.password }).fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: w.signOut }).waitFor();
  }
  return page;
}

/** The whole page, at most two phone screens tall (a long roster would be a ribbon). */
const shot = async (page, name) => {
  await page.waitForLoadState('networkidle');
  const { width } = page.viewportSize();
  const height = await page.evaluate('document.documentElement.scrollHeight');
  const clip = { x: 0, y: 0, width, height: Math.min(height, width < 500 ? 1480 : 2000) };
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true, clip });
  console.log(`${out}/${name}.png`);
};

/** The id of the demo group with this code, read through the API as the signed-in user. */
const groupId = (page, code) =>
  page.evaluate(async (wanted) => {
    const answer = await fetch(`/api/groups?search=${wanted}&limit=10`);
    return (await answer.json()).items.find((g) => g.code === wanted)?.id;
  }, code);

const signInPage = await session(null, { mobile: true });
await shot(signInPage, 'sign-in');

// Staff in Kazakh: the dashboard, then a running group with its waitlist on a phone.
const staff = await session('staff@sheber.kz');
await shot(staff, 'staff-dashboard');
const running = await groupId(staff, 'JW-2026-04');
const staffPhone = await session('staff@sheber.kz', { mobile: true });
await staffPhone.goto(`/groups/${running}`);
await staffPhone.getByRole('heading', { name: /JW-2026-04/ }).waitFor();
await shot(staffPhone, 'staff-group');
await staffPhone.goto('/workshops');
await staffPhone.getByRole('listitem').first().waitFor();
await shot(staffPhone, 'staff-workshops');

// Staff in Russian: the journal, a trainee's page, enrolling and certificates.
const staffRu = await session('staff@sheber.kz', { language: 'ru' });
const ru = words.ru;
await staffRu.goto(`/groups/${running}`);
await staffRu.getByRole('tab', { name: ru.groups.attendance }).click();
await staffRu.getByRole('tabpanel').getByRole('table').first().waitFor();
await shot(staffRu, 'staff-journal');
await staffRu.getByRole('tab', { name: ru.groups.roster }).click();
await staffRu.getByRole('tabpanel').getByRole('link').first().click();
await staffRu.waitForURL(/\/trainees\//);
await staffRu.getByRole('heading').first().waitFor();
await shot(staffRu, 'staff-trainee');
const open = await groupId(staffRu, 'PT-2026-05');
await staffRu.goto(`/groups/${open}`);
await staffRu.getByRole('tab', { name: ru.groups.enroll }).click();
await staffRu.getByRole('textbox', { name: ru.groups.findTrainee }).fill('ова');
await staffRu.getByRole('table').last().waitFor();
await shot(staffRu, 'staff-enroll');
await staffRu.goto('/certificates');
await staffRu.getByRole('combobox', { name: ru.certificates.group }).click();
await staffRu.getByRole('option').first().click();
await staffRu.getByRole('progressbar').first().waitFor();
await shot(staffRu, 'staff-certificates');

// The admin's screens: accounts in Kazakh, the audit log in Russian.
const admin = await session('admin@sheber.kz');
await admin.goto('/accounts');
await admin.getByRole('table').first().waitFor();
await shot(admin, 'admin-accounts');
const adminRu = await session('admin@sheber.kz', { language: 'ru' });
await adminRu.goto('/audit');
await adminRu.getByRole('table').first().waitFor();
await shot(adminRu, 'admin-audit');

// A master on a phone, in Kazakh.
const master = await session('master.jewelry@sheber.kz', { mobile: true });
await shot(master, 'master-today');
await master.goto('/my-groups');
await master.getByRole('heading', { level: 2 }).first().waitFor();
await shot(master, 'master-groups');

// An officer in Russian.
const officer = await session('officer@enbek-karaganda.kz', { language: 'ru' });
await officer.getByRole('table').first().waitFor();
await shot(officer, 'officer-referrals');
await officer.goto('/report');
await officer.getByRole('textbox', { name: ru.report.from }).fill('2026-01-01');
await officer.getByRole('button', { name: ru.report.show }).click();
await officer.getByText(ru.report.completionRate, { exact: false }).first().waitFor();
await shot(officer, 'officer-report');

// A certificate checked by its QR code, on a phone.
const code = await staff.evaluate(async () => {
  const response = await fetch('/api/certificates?status=issued&limit=1');
  return (await response.json()).items[0]?.verificationCode;
});
const verify = await session(null, { mobile: true });
await verify.goto(`/verify/${code}`);
await verify.getByRole('status').waitFor();
await shot(verify, 'verify-valid');

await browser.close();
