import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { EnrollmentsService } from '../../libs/enrollments/src';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { createEmploymentCenter, createUser, signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/** A word of Cyrillic letters no other test writes, so a search finds only this test's rows. */
function marker(): string {
  const letters = 'бвгджзклмнпрстфхцчшщ';
  return Array.from({ length: 7 }, () => letters[randomInt(letters.length)]).join('');
}

interface Item {
  id: string;
}

describe('search and Kazakh alphabetical order', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const found = async (path: string, search: string, token = staff): Promise<string[]> => {
    const response = await t
      .http()
      .get(`${path}?limit=100&search=${encodeURIComponent(search)}`)
      .set(bearer(token));
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return (response.body.items as Item[]).map((item) => item.id);
  };

  it('sorts trainees in Kazakh alphabetical order: К before Қ, О before Ө, У Ұ Ү', async () => {
    const first = marker();
    const kazakhOrder = [
      'Абай',
      'Әлиев',
      'Бекова',
      'Кудайбергенов',
      'Құдайбергенов',
      'Нұрланов',
      'Ңазов',
      'Оспанов',
      'Өмірзақов',
      'Төлеген',
      'Уалиев',
      'Ұланов',
      'Үмбетов',
      'Һасенов',
      'Ыбыраев',
      'Іскаков',
      'Яковлев',
    ];
    for (const lastName of [...kazakhOrder].reverse()) {
      await createTrainee(t.dataSource, { lastName, firstName: first });
    }
    const response = await t
      .http()
      .get(`/api/trainees?limit=100&search=${encodeURIComponent(first)}`)
      .set(bearer(staff));
    expect(response.status).toBe(200);
    const names = (response.body.items as { lastName: string }[]).map((item) => item.lastName);
    expect(names).toEqual(kazakhOrder);
  });

  it('finds groups by code, course title, craft name in Kazakh or Russian and master name', async () => {
    const word = marker();
    const master = await createUser(t.dataSource, 'master', { fullName: `Сұлтанбеков ${word}` });
    const course = await createCourse(t.dataSource, { craft: 'jewelry', title: `Курс ${word}` });
    const group = await createGroup(t.dataSource, { courseId: course.id, masterId: master.id });
    const other = await createGroup(t.dataSource, {
      courseId: (await createCourse(t.dataSource, { title: `Қыш ${word}` })).id,
    });

    expect(await found('/api/groups', group.code.slice(2, 10).toLowerCase())).toEqual([group.id]);
    expect(await found('/api/groups', word.toUpperCase())).toEqual(
      expect.arrayContaining([group.id, other.id]),
    );
    // The craft's Kazakh name "Зергерлік өнер" and Russian "Ювелирное дело", any case.
    expect(await found('/api/groups', `ЗЕРГЕРЛІК ${word}`)).toEqual([group.id]);
    expect(await found('/api/groups', `ювелир ${word}`)).toEqual([group.id]);
    // The other group's craft, pottery: "Құмырашылық", "Гончарное дело".
    expect(await found('/api/groups', `құмыра ${word}`)).toEqual([other.id]);
    expect(await found('/api/groups', `ГОНЧАР ${word}`)).toEqual([other.id]);
    expect(await found('/api/groups', `қыш ${word}`)).toEqual([other.id]);
    expect(await found('/api/groups', `сұлтанбеков ${word}`)).toEqual([group.id]);
  });

  it('finds referrals by name in Kazakh and Russian, any case, number and IIN prefix', async () => {
    const word = marker();
    const centre = (await createEmploymentCenter(t.dataSource)).id;
    const officer = (await signedIn(t, 'officer', { employmentCenterId: centre })).token;
    const refer = async (lastName: string, firstName: string, iin: string) => {
      const response = await t
        .http()
        .post('/api/referrals')
        .set(bearer(officer))
        .send({
          number: `ЖО-${word}-${randomUUID().slice(0, 6)}`,
          person: { iin, lastName, firstName, categories: ['job_seeker'] },
          craft: 'felt',
        });
      expect(response.status).toBe(201);
      return response.body as { id: string; number: string };
    };
    const kazakh = await refer(`Құдайбергенова${word}`, 'Әйгерім', freshIin('female'));
    const russianIin = freshIin('male');
    const russian = await refer(`Иванов${word}`, 'Сергей', russianIin);

    expect(await found('/api/referrals', `ҚҰДАЙБЕРГЕНОВА${word.toUpperCase()}`)).toEqual([
      kazakh.id,
    ]);
    expect(await found('/api/referrals', `әйгерім құдайбергенова${word}`)).toEqual([kazakh.id]);
    expect(await found('/api/referrals', `иванов${word}`, officer)).toEqual([russian.id]);
    expect(await found('/api/referrals', kazakh.number.toLowerCase())).toEqual([kazakh.id]);
    expect(await found('/api/referrals', `жо-${word}`, officer)).toEqual(
      expect.arrayContaining([kazakh.id, russian.id]),
    );
    expect(await found('/api/referrals', russianIin.slice(0, 7), officer)).toEqual([russian.id]);
    expect(await found('/api/referrals', russianIin, officer)).toEqual([russian.id]);
  });

  it('finds certificates by number, holder name in any case and IIN prefix', async () => {
    const word = marker();
    const iin = freshIin('female');
    const trainee = await createTrainee(t.dataSource, {
      iin,
      lastName: `Өмірзақова${word}`,
      firstName: 'Гүлнар',
    });
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const enrollment = await t.app
      .get(EnrollmentsService)
      .enrollTrainee(SYSTEM_ACTOR, group.id, trainee.id);
    const number = `SHB-2099-${randomInt(10_000_000, 99_999_999)}`;
    const [certificate] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO certificates (enrollment_id, number, verification_code)
       VALUES ($1, $2, $3) RETURNING id`,
      [enrollment.id, number, randomUUID().replace(/-/g, '').slice(0, 32)],
    );
    const id = certificate!.id;

    expect(await found('/api/certificates', number.slice(-8))).toEqual([id]);
    expect(await found('/api/certificates', number.toLowerCase())).toEqual([id]);
    expect(await found('/api/certificates', `ӨМІРЗАҚОВА${word.toUpperCase()}`)).toEqual([id]);
    expect(await found('/api/certificates', `гүлнар өмірзақова${word}`)).toEqual([id]);
    expect(await found('/api/certificates', iin)).toEqual([id]);
    const byPrefix = await found('/api/certificates', iin.slice(0, 6));
    expect(byPrefix).toContain(id);
  });
});
