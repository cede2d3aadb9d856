import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays, todayIn } from '../../libs/common/src';
import { createTrainee, freshIin } from '../factories/catalog';
import { groupThroughApi } from '../factories/groups';
import { createEmploymentCenter, signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

// Names a hostile or careless clerk could type; a spreadsheet runs each unless it is escaped.
const FORMULA_NAMES = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(1)'];

/** A CSV response body as text (supertest leaves text/csv as a stream otherwise). */
function asText(response: { body: unknown; text?: string }): string {
  return Buffer.isBuffer(response.body) ? response.body.toString('utf8') : (response.text ?? '');
}

describe('CSV exports', () => {
  let t: TestApp;
  let staff: string;
  // The centre's date when each test starts (the day may turn between tests).
  let today: string;
  beforeEach(() => {
    today = todayIn('Asia/Almaty');
  });

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const csv = (path: string, token: string, language?: string) => {
    const request = t
      .http()
      .get(path)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return language ? request.set('accept-language', language) : request;
  };

  it('writes formula-like names of the attendance sheet as text, in Kazakh, with semicolons', async () => {
    const group = await groupThroughApi(t, staff, {
      startDate: addDays(today, -3),
      endDate: addDays(today, 3),
      open: true,
    });
    const groupId = group.id;
    const enrollments: string[] = [];
    for (const lastName of FORMULA_NAMES) {
      const trainee = await createTrainee(t.dataSource, { lastName, firstName: 'Әлия' });
      const enrolled = await t
        .http()
        .post(`/api/groups/${groupId}/enrollments`)
        .set(bearer(staff))
        .send({ traineeId: trainee.id });
      expect(enrolled.status).toBe(201);
      enrollments.push(enrolled.body.id as string);
    }
    const yesterday = group.lessons.find((l) => l.date === addDays(today, -1))!;
    const marked = await t
      .http()
      .put(`/api/lessons/${yesterday.id}/attendance`)
      .set(bearer(staff))
      .send({
        marks: enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
        reason: 'from the paper register',
      });
    expect(marked.status).toBe(200);

    const response = await csv(
      `/api/groups/${groupId}/attendance?format=csv&delimiter=semicolon`,
      staff,
      'kk',
    );
    expect(response.status).toBe(200);
    const lines = asText(response).slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Тыңдаушы;Мәртебесі;/);
    expect(lines[0]).toMatch(/;Қатысу үлесі$/);
    const body = lines.slice(1);
    expect(body).toHaveLength(FORMULA_NAMES.length);
    for (const line of body) {
      // Every row's first cell starts with the quote (or a CSV quote and then it), never a formula.
      expect(line).toMatch(/^("')|^'/);
      expect(line).toContain(';оқып жүр;');
      expect(line).toContain('келді');
    }
    expect(body.join('\n')).toContain(`"'=HYPERLINK(""http://x"",""y"") Әлия"`);

    const russian = await csv(`/api/groups/${groupId}/attendance?format=csv&lang=ru`, staff);
    expect(asText(russian).slice(1).split('\r\n')[0]).toMatch(/^Слушатель,Статус,/);

    const bad = await t
      .http()
      .get(`/api/groups/${groupId}/attendance?format=csv&delimiter=tab`)
      .set(bearer(staff));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('delimiter');
  });

  it('writes formula-like names of the referral report as text, with semicolons on request', async () => {
    const centre = (await createEmploymentCenter(t.dataSource, `Export ${randomUUID()}`)).id;
    const officer = (await signedIn(t, 'officer', { employmentCenterId: centre })).token;
    for (const lastName of FORMULA_NAMES) {
      const referred = await t
        .http()
        .post('/api/referrals')
        .set(bearer(officer))
        .send({
          number: `EX-${randomUUID().slice(0, 8)}`,
          person: { iin: freshIin(), lastName, firstName: 'Әлия' },
          craft: 'felt',
          note: '=1+1',
        });
      expect(referred.status).toBe(201);
    }
    for (const [delimiter, separator] of [
      ['comma', ','],
      ['semicolon', ';'],
    ] as const) {
      const response = await csv(
        `/api/referrals/report?from=${today}&to=${today}&format=csv&lang=ru&delimiter=${delimiter}`,
        officer,
      );
      expect(response.status).toBe(200);
      const lines = asText(response).slice(1).trim().split('\r\n');
      expect(lines[0]!.startsWith(`Номер направления${separator}`)).toBe(true);
      expect(lines).toHaveLength(FORMULA_NAMES.length + 1);
      const cells = lines.slice(1).join('\n');
      for (const name of ['+1', '-1', '@SUM(1)']) {
        expect(cells).toContain(`${separator}'${name}${separator}`);
      }
      expect(cells).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      // No cell of any row begins with a bare formula character.
      for (const line of lines.slice(1)) {
        expect(line.split(separator).some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
      }
    }
  });
});
