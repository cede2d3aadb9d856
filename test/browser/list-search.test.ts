import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCourse, createGroup, createTrainee } from '../factories/catalog';
import { createUser } from '../factories/users';
import {
  type BrowserStack,
  screenshot,
  shown,
  signIn,
  startBrowserStack,
} from '../support/browser';

describe('searching lists in Kazakh on a phone', () => {
  let stack: BrowserStack;
  let staffEmail: string;
  let groupCode: string;
  let number: string;

  beforeAll(async () => {
    stack = await startBrowserStack();
    staffEmail = (await createUser(stack.dataSource, 'staff')).email;
    const master = await createUser(stack.dataSource, 'master', { fullName: 'Жұмабекұлы Серік' });
    const course = await createCourse(stack.dataSource, {
      craft: 'felt',
      title: 'Киіз үй жабдықтары',
    });
    const group = await createGroup(stack.dataSource, {
      courseId: course.id,
      masterId: master.id,
      status: 'in_progress',
    });
    groupCode = group.code;
    const trainee = await createTrainee(stack.dataSource, {
      lastName: 'Өмірзақова',
      firstName: 'Гүлназ',
    });
    const [enrollment] = await stack.dataSource.query<{ id: string }[]>(
      `INSERT INTO enrollments (group_id, trainee_id, status) VALUES ($1, $2, 'completed')
       RETURNING id`,
      [group.id, trainee.id],
    );
    number = `SHB-2098-${randomInt(10_000_000, 99_999_999)}`;
    await stack.dataSource.query(
      `INSERT INTO certificates (enrollment_id, number, verification_code) VALUES ($1, $2, $3)`,
      [enrollment!.id, number, randomUUID().replace(/-/g, '').slice(0, 32)],
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('finds a group by its craft and master and a certificate by its holder, 360 px wide', async () => {
    const page = await stack.newPage({ mobile: true });
    await signIn(page, staffEmail);
    // Kazakh, as chosen in the language menu (remembered in the browser).
    await page.evaluate("localStorage.setItem('sheber.language', 'kk')");

    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Топтар' }).waitFor();
    const groupSearch = page.getByRole('searchbox', {
      name: 'Топ коды, курс, кәсіп немесе шебер бойынша іздеу',
    });
    // The craft's Kazakh name ("Киіз басу") and the master's name, typed in capitals.
    await groupSearch.fill('КИІЗ ЖҰМАБЕКҰЛЫ');
    await shown(page.locator('main'), groupCode);
    // Kept in the page address: a reload shows the same search.
    await page.waitForURL(/q=/);
    await page.reload();
    expect(await groupSearch.inputValue()).toBe('КИІЗ ЖҰМАБЕКҰЛЫ');
    await shown(page.locator('main'), groupCode);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'groups-search-kk-phone');

    await page.goto('/certificates');
    const certificateSearch = page.getByRole('searchbox', {
      name: 'Сертификат нөмірі, иесінің аты-жөні немесе ЖСН бойынша іздеу',
    });
    await certificateSearch.fill('өмірзақова гүлназ');
    await shown(page.locator('main'), number);
    await certificateSearch.fill(number.slice(-8));
    await shown(page.locator('main'), 'Өмірзақова');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'certificates-search-kk-phone');
  });
});
