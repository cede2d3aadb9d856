import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  createCourse,
  createGroup,
  createTrainee,
  createWorkshop,
  freshIin,
} from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type ApiClient,
  type BrowserStack,
  centreToday,
  fitsTheWindow,
  pageIn,
  screenshot,
  shown,
  signedInPage,
  signInAs,
  startBrowserStack,
} from '../support/browser';

/** Every day 00:00–00:30 local: yesterday's lesson has always started, tomorrow's has not. */
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

/** Long Kazakh names, as real ones often are: they must wrap, never push the page sideways. */
const LAST_NAMES = [
  'Сәрсенбаева-Жұмабекова',
  'Құдайбергенова',
  'Тоқтарбекова',
  'Әбдірахманова',
  'Мұхамедқалиева',
];

interface Fit {
  /** The page is no wider than the window. */
  fits: boolean;
  /** Badges shown on the page. */
  badges: number;
  /** Badges whose words are cut: wider than their box, or past the window's right edge. */
  cut: string[];
  /** Boxes within the page that scroll sideways (a table in a scroll container), by their words. */
  scrolled: string[];
  /** Buttons, fields and links pushed past the window's or their dialog's right edge. */
  outside: string[];
}

/** What a user at 360 px would notice: sideways scrolling, and badges not shown whole. */
async function measure(page: Page): Promise<Fit> {
  // Strings, not functions: this file is compiled without the DOM's types.
  const found = await page.evaluate<{
    count: number;
    cut: string[];
    scrolled: string[];
    outside: string[];
  }>(`(() => {
    const cut = [];
    const all = document.querySelectorAll('.mantine-Badge-root');
    for (const badge of all) {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      const box = badge.getBoundingClientRect();
      if (
        badge.scrollWidth > badge.clientWidth ||
        label.scrollWidth > label.clientWidth ||
        label.scrollHeight > label.clientHeight + 1 ||
        box.right > window.innerWidth
      )
        cut.push(badge.textContent);
    }
    const scrolled = [];
    for (const box of document.querySelectorAll('main *, [role="dialog"] *')) {
      const overflow = getComputedStyle(box).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth + 1)
        scrolled.push((box.textContent ?? '').slice(0, 60));
    }
    // A control pushed past the side of the window or of its dialog is cut off, even where no
    // box scrolls (a dialog clips what does not fit).
    const dialog = document.querySelector('[role="dialog"]');
    const right = dialog ? dialog.getBoundingClientRect().right : window.innerWidth;
    const outside = [];
    for (const control of document.querySelectorAll(
      'main button, main input, main a, [role="dialog"] button, [role="dialog"] input',
    )) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || (dialog && !dialog.contains(control))) continue;
      if (box.left < 0 || box.right > right + 0.5)
        outside.push(control.getAttribute('aria-label') || control.textContent || control.type);
    }
    return { count: all.length, cut, scrolled, outside };
  })()`);
  return {
    fits: await fitsTheWindow(page),
    badges: found.count,
    cut: found.cut,
    scrolled: found.scrolled,
    outside: found.outside,
  };
}

/** Waits until nothing on the page is still loading. */
async function settled(page: Page): Promise<void> {
  // Detached once no loader is left on the page (the page's rules allow no evaluated strings).
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
}

/** Checks the screen at 360 px and saves its picture; `badges` says whether it shows some. */
async function checkScreen(page: Page, name: string, badges: 'some' | 'any' = 'any') {
  await settled(page);
  const fit = await measure(page);
  await screenshot(page, `phone-${name}`);
  expect({
    screen: name,
    fits: fit.fits,
    cut: fit.cut,
    scrolled: fit.scrolled,
    outside: fit.outside,
  }).toEqual({ screen: name, fits: true, cut: [], scrolled: [], outside: [] });
  if (badges === 'some') expect(fit.badges).toBeGreaterThan(0);
}

/** The labels of the fields marked as required (Mantine's asterisk) in the open dialog or page. */
async function markedRequired(page: Page, scope: 'dialog' | 'page'): Promise<string[]> {
  if (scope === 'dialog') await page.getByRole('dialog').waitFor();
  return page.evaluate<string[]>(`(() => {
    const scope = ${scope === 'dialog' ? 'document.querySelector(\'[role="dialog"]\')' : 'document'};
    return [...scope.querySelectorAll('.mantine-InputWrapper-required')].map((mark) =>
      (mark.parentElement.textContent ?? '').replace(mark.textContent ?? '', '').trim(),
    );
  })()`);
}

describe('every screen at 360 px, in Kazakh: nothing scrolls sideways, no badge is cut', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let adminEmail: string;
  let officerEmail: string;
  let staff: ApiClient;
  let admin: ApiClient;
  let officer: ApiClient;
  const suffix = Date.now().toString(36).toUpperCase();
  let group: { id: string; code: string; masterEmail: string };
  let referred: { traineeId: string; name: string };
  let graduate: { traineeId: string; name: string };

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff', { fullName: 'Серікова Дана' })).email;
    adminEmail = (
      await createUser(stack.dataSource, 'admin', { fullName: `Әкімшіл Сәуле ${suffix}` })
    ).email;
    officerEmail = (await createUser(stack.dataSource, 'officer')).email;
    staff = await stack.apiAs(staffEmail);
    admin = await stack.apiAs(adminEmail);
    officer = await stack.apiAs(officerEmail);
    // The days the lessons fall on hold lessons, whatever the holidays of the year.
    for (let offset = -9; offset <= 7; offset += 1) {
      await staff('DELETE', `/api/holidays/${centreToday(offset)}`).catch(() => undefined);
    }

    // A running group with a long course title: three trainees in, one waiting, one withdrawn.
    const master = await createUser(stack.dataSource, 'master', {
      crafts: ['felt'],
      fullName: 'Жұмабеков Ерлан Қайратұлы',
    });
    const course = await createCourse(stack.dataSource, {
      craft: 'felt',
      title: 'Киіз басу және текемет пен сырмақ жасаудың дәстүрлі әдістері',
    });
    const code = `PH-${suffix}`;
    const workshop = await createWorkshop(stack.dataSource, {
      name: `Киіз үй шеберханасы ${suffix}`,
      craft: 'felt',
      workplaces: 3,
    });
    const created = await staff<{ id: string }>('POST', '/api/groups', {
      courseId: course.id,
      code,
      workshopId: workshop.id,
      capacity: 3,
      startDate: centreToday(-9),
      endDate: centreToday(7),
      schedule: DAILY,
    });
    await staff('PUT', `/api/groups/${created.id}/master`, { masterId: master.id });
    await staff('POST', `/api/groups/${created.id}/open`);

    // The first comes by a referral, as the officer sees.
    const first = await officer<{ id: string }>('POST', '/api/referrals', {
      number: `KRG-PH-1-${suffix}`,
      person: { iin: freshIin(), lastName: LAST_NAMES[0], firstName: 'Гүлнәзира' },
      craft: 'felt',
    });
    await staff('POST', `/api/referrals/${first.id}/accept`, { groupId: created.id });
    const accepted = await staff<{ traineeId: string }>('GET', `/api/referrals/${first.id}`);
    referred = { traineeId: accepted.traineeId, name: `${LAST_NAMES[0]} Гүлнәзира` };
    for (const lastName of LAST_NAMES.slice(1)) {
      const trainee = await createTrainee(stack.dataSource, { lastName, firstName: 'Айгерім' });
      await staff('POST', `/api/groups/${created.id}/enrollments`, { traineeId: trainee.id });
    }
    await staff('POST', `/api/groups/${created.id}/start`);
    const roster = await staff<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/groups/${created.id}/enrollments?limit=100`,
    );
    const active = roster.items.filter((e) => e.status === 'active').map((e) => e.id);
    // The master marked the lessons of a week ago to two days ago.
    const masterApi = await stack.apiAs(master.email);
    const { items: lessons } = await staff<{ items: { id: string; date: string }[] }>(
      'GET',
      `/api/groups/${created.id}/lessons?limit=100`,
    );
    for (const lesson of lessons) {
      if (lesson.date >= centreToday(-7) && lesson.date <= centreToday(-2)) {
        await masterApi('PUT', `/api/lessons/${lesson.id}/attendance`, {
          marks: active.map((enrollmentId, i) => ({
            enrollmentId,
            status: (['present', 'late', 'absent'] as const)[i % 3],
          })),
        });
      }
    }
    // One leaves; the first waiting takes the seat, one still waits.
    await staff('POST', `/api/enrollments/${active[active.length - 1]!}/withdraw`, {
      reason: 'Жұмысқа орналасты',
    });
    group = { id: created.id, code, masterEmail: master.email };

    // A second referral is turned down, a third waits for intake.
    const turnedDown = await officer<{ id: string }>('POST', '/api/referrals', {
      number: `KRG-PH-2-${suffix}`,
      person: { iin: freshIin(), lastName: 'Мұхамедқалиева', firstName: 'Ләззат' },
      craft: 'felt',
    });
    await staff('POST', `/api/referrals/${turnedDown.id}/reject`, { reason: 'Топ толық' });
    await officer('POST', '/api/referrals', {
      number: `KRG-PH-3-${suffix}`,
      person: { iin: freshIin(), lastName: 'Байжанова', firstName: 'Гүлнара' },
      craft: 'felt',
      note: 'Киіз басуды үйренгісі келеді',
    });

    // A fourth is trained in another group and graduates: a certificate in preparation.
    const other = await createGroup(stack.dataSource, {
      courseId: course.id,
      status: 'in_progress',
    });
    const fourth = await officer<{ id: string }>('POST', '/api/referrals', {
      number: `KRG-PH-4-${suffix}`,
      person: { iin: freshIin(), lastName: 'Тоқтарбекова', firstName: 'Мадина' },
      craft: 'felt',
    });
    await staff('POST', `/api/referrals/${fourth.id}/accept`, { groupId: other.id });
    const trained = await staff<{ traineeId: string; enrollment: { id: string } }>(
      'GET',
      `/api/referrals/${fourth.id}`,
    );
    await admin('POST', `/api/enrollments/${trained.enrollment.id}/complete`, {
      override: true,
      reason: 'Бітірді',
    });
    graduate = { traineeId: trained.traineeId, name: 'Тоқтарбекова Мадина' };
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** The screens staff and admins share, each checked at 360 px. */
  async function staffScreens(page: Page, role: string) {
    await page.getByRole('heading', { name: 'Шолу' }).waitFor();
    // Earlier files on this database may fill the cards; this file's running group makes sure
    // the card of running groups shows some group with its status.
    await page
      .getByRole('region', { name: 'Оқу жүріп жатыр' })
      .locator('.mantine-Badge-root')
      .first()
      .waitFor();
    await checkScreen(page, `${role}-dashboard`, 'some');

    await page.goto('/trainees');
    await page.getByRole('heading', { name: 'Тыңдаушылар' }).waitFor();
    await checkScreen(page, `${role}-trainees`);
    await page.getByRole('button', { name: 'Тыңдаушыны тіркеу' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual(['ЖСН', 'Тегі', 'Аты']);
    await checkScreen(page, `${role}-trainee-form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`/trainees/${referred.traineeId}`);
    await page.getByRole('heading', { name: referred.name }).waitFor();
    await shown(page.locator('main'), `KRG-PH-1-${suffix}`);
    await checkScreen(page, `${role}-trainee-referred`, 'some');
    await page.goto(`/trainees/${graduate.traineeId}`);
    await page.getByRole('heading', { name: graduate.name }).waitFor();
    await shown(page.locator('main'), 'Дайындалуда');
    await checkScreen(page, `${role}-trainee-graduate`, 'some');

    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Топтар' }).waitFor();
    await checkScreen(page, `${role}-groups`, 'some');
    await page.getByRole('button', { name: 'Жаңа топ' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual([
      'Курс',
      'Коды',
      'Басталу күні',
      'Аяқталу күні',
    ]);
    await checkScreen(page, `${role}-group-form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { name: `Топ ${group.code}` }).waitFor();
    const roster = page.getByRole('list', { name: 'Құрамы және күту тізімі' });
    await shown(roster, 'Күту тізімі');
    expect(await roster.getByRole('listitem').count()).toBe(LAST_NAMES.length);
    // Each card's name leads to the trainee; its withdrawal is within the window.
    await roster.getByRole('link', { name: referred.name }).waitFor();
    const withdraw = roster.getByRole('button', { name: `Шығару: ${referred.name}` });
    const box = (await withdraw.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await checkScreen(page, `${role}-group-roster`, 'some');
    await withdraw.click();
    expect(await markedRequired(page, 'dialog')).toEqual(['Себебі']);
    await checkScreen(page, `${role}-group-withdraw`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Қатысу журналы' }).click();
    const journal = page.getByRole('list', { name: 'Қатысу журналы' });
    // It opens at the latest lessons held, yesterday's and today's not yet marked.
    await journal
      .getByRole('button', { name: /^Сабақты белгілеу: / })
      .first()
      .waitFor();
    await checkScreen(page, `${role}-group-journal`);

    await page.getByRole('tab', { name: 'Оқуға алу' }).click();
    await page.getByRole('textbox', { name: 'Тыңдаушыны іздеу' }).fill('Байжанова');
    await settled(page);
    await checkScreen(page, `${role}-group-enroll`);
    await page.getByRole('tab', { name: 'Кесте' }).click();
    await checkScreen(page, `${role}-group-timetable`);
    await page.getByRole('tab', { name: 'Деректері' }).click();
    await checkScreen(page, `${role}-group-details`);
    // Completing early is refused before the last lesson; only an admin may, with a reason.
    await page.getByRole('button', { name: 'Аяқтау' }).click();
    const completing = page.getByRole('dialog', { name: 'Аяқтау' });
    await completing.getByRole('alert').waitFor();
    expect(await markedRequired(page, 'dialog')).toEqual(
      role === 'admin' ? ['Қазір аяқтау себебі'] : [],
    );
    await checkScreen(page, `${role}-group-complete`);
    await page.keyboard.press('Escape');
    await completing.waitFor({ state: 'detached' });

    await page.goto('/courses');
    await page.getByRole('heading', { name: 'Курстар' }).waitFor();
    await checkScreen(page, `${role}-courses`);
    await page.getByRole('button', { name: 'Жаңа курс' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual(['Кәсіп', 'Атауы', 'Сағат']);
    await checkScreen(page, `${role}-course-form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto('/workshops');
    await page.getByRole('heading', { name: 'Шеберханалар' }).waitFor();
    await shown(page.getByRole('list', { name: 'Шеберханалар' }), `Киіз үй шеберханасы ${suffix}`);
    await checkScreen(page, `${role}-workshops`);
    await page.getByRole('button', { name: 'Шеберхана қосу' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual(['Атауы', 'Кәсіп', 'Жұмыс орындары']);
    await checkScreen(page, `${role}-workshop-form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto('/certificates');
    await page.getByRole('heading', { name: 'Сертификаттар' }).waitFor();
    // The list shows a group's certificates, or those a search finds.
    await page.getByRole('searchbox').fill(graduate.name);
    await shown(page.locator('main'), 'Дайындалуда');
    await checkScreen(page, `${role}-certificates`, 'some');

    await page.goto('/intake');
    await page.getByRole('heading', { name: 'Жолдамаларды қабылдау' }).waitFor();
    await page.getByRole('searchbox').fill(`KRG-PH-3-${suffix}`);
    await shown(page.getByRole('list', { name: 'Жолдамаларды қабылдау' }), 'Жіберілген');
    await checkScreen(page, `${role}-intake`, 'some');

    await page.goto('/holidays');
    await page.getByRole('heading', { name: 'Мереке күндері' }).waitFor();
    await checkScreen(page, `${role}-holidays`);
  }

  it('staff: dashboard, trainees, a trainee, groups, a group, courses, workshops, certificates, intake, holidays; a mark corrected on the phone', async () => {
    const page = await signedInPage(stack, 'kk', staffEmail, { mobile: true });
    await staffScreens(page, 'staff');

    // Staff mark yesterday's lesson from the journal's cards on the phone, with a reason.
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('tab', { name: 'Қатысу журналы' }).click();
    const markLesson = page.getByRole('button', { name: /^Сабақты белгілеу: / }).first();
    await markLesson.click();
    const lessonDialog = page.getByRole('dialog');
    const trainees = lessonDialog.locator('[role="group"][aria-label]');
    await trainees.first().waitFor();
    expect(await trainees.count()).toBe(3);
    for (let i = 0; i < 3; i += 1)
      await trainees.nth(i).getByText('Келді', { exact: true }).click();
    await lessonDialog.getByRole('textbox', { name: 'Себебі' }).fill('Қағаз журнал бойынша');
    await checkScreen(page, 'staff-journal-mark-lesson');
    await lessonDialog.getByRole('button', { name: 'Сақтау' }).click();
    await lessonDialog.waitFor({ state: 'detached' });
    expect(await shown(page.getByRole('status'), 'Белгі сақталды')).toBe('Белгі сақталды');

    // And correct one mark of an earlier lesson, a page back.
    await page.getByRole('button', { name: '2-бет' }).click();
    const correct = page
      .getByRole('button', { name: new RegExp(`^Белгіні түзету: ${LAST_NAMES[1]} Айгерім, `) })
      .first();
    const next = (await correct.textContent()) === 'Келмеді' ? 'Себепті' : 'Келмеді';
    await correct.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(next, { exact: true }).click();
    expect(await markedRequired(page, 'dialog')).toEqual(['Себебі']);
    await dialog.getByRole('textbox', { name: 'Себебі' }).fill('Қағаз журнал бойынша');
    expect(await fitsTheWindow(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Сақтау' }).click();
    expect(await shown(page.getByRole('status'), 'Белгі сақталды')).toBe('Белгі сақталды');
    // The card shows the new mark in place of the old one.
    expect(await shown(correct, next)).toBe(next);
    await checkScreen(page, 'staff-journal-corrected');
  });

  it('admin: the same screens, and accounts, the audit log, employment centres', async () => {
    const page = await signedInPage(stack, 'kk', adminEmail, { mobile: true });
    await staffScreens(page, 'admin');

    await page.goto('/accounts');
    await page.getByRole('heading', { name: 'Тіркелгілер' }).waitFor();
    await page.getByRole('listitem').first().waitFor();
    await checkScreen(page, 'admin-accounts', 'some');
    await page.getByRole('button', { name: 'Жаңа тіркелгі' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual(['Аты-жөні', 'Электрондық пошта', 'Рөлі']);
    await checkScreen(page, 'admin-account-form');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Өзгерістер журналы' }).waitFor();
    await shown(page.locator('main'), 'Жұмысқа орналасты');
    await checkScreen(page, 'admin-audit');

    await page.goto('/employment-centers');
    await page.getByRole('heading', { name: 'Жұмыспен қамту орталықтары' }).waitFor();
    await checkScreen(page, 'admin-centres');
  });

  it("master: the week, today's lessons, my groups and the own password", async () => {
    const page = await signedInPage(stack, 'kk', group.masterEmail, { mobile: true });
    await page.getByRole('heading', { name: 'Менің аптам' }).waitFor();
    await shown(page.locator('main'), group.code);
    await checkScreen(page, 'master-week');

    await page.goto('/my-groups');
    await page.getByRole('heading', { name: 'Менің топтарым' }).waitFor();
    await shown(page.locator('main'), LAST_NAMES[1]!);
    await checkScreen(page, 'master-groups', 'some');

    // Every role changes its own password from the menu.
    await page.getByRole('button', { name: 'Мәзір' }).click();
    await page.getByRole('button', { name: 'Құпиясөзді өзгерту' }).click();
    const form = page.getByRole('dialog', { name: 'Құпиясөзіңізді өзгерту' });
    await form.waitFor();
    expect(await markedRequired(page, 'dialog')).toEqual([
      'Ағымдағы құпиясөз',
      'Жаңа құпиясөз',
      'Жаңа құпиясөзді қайталаңыз',
    ]);
    await checkScreen(page, 'master-own-password');
  });

  it('officer: referrals and the report', async () => {
    const page = await signedInPage(stack, 'kk', officerEmail, { mobile: true });
    await page.getByRole('heading', { name: 'Жолдамалар' }).waitFor();
    await shown(page.locator('main'), `KRG-PH-4-${suffix}`);
    await checkScreen(page, 'officer-referrals', 'some');
    await page.getByRole('button', { name: 'Жаңа жолдама' }).click();
    expect(await markedRequired(page, 'dialog')).toEqual([
      'Құжат нөмірі',
      'ЖСН',
      'Тегі',
      'Аты',
      'Кәсіп',
    ]);
    await checkScreen(page, 'officer-referral-form');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto('/report');
    await page.getByRole('heading', { name: 'Есеп' }).waitFor();
    await shown(page.locator('main'), `KRG-PH-1-${suffix}`);
    await checkScreen(page, 'officer-report', 'some');
  });

  it('a temporary password: the change-password screen', async () => {
    const user = await createUser(stack.dataSource, 'staff');
    await stack.dataSource.query('UPDATE users SET password_change_required = true WHERE id = $1', [
      user.id,
    ]);
    const page = await pageIn(stack, 'kk', { mobile: true });
    await signInAs(page, 'kk', user.email);
    await page.getByRole('heading', { name: 'Жаңа құпиясөз орнатыңыз' }).waitFor();
    expect((await markedRequired(page, 'page')).length).toBe(2);
    await checkScreen(page, 'change-password');
  });
});
