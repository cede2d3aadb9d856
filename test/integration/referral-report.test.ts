import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays, todayIn } from '../../libs/common/src';
import { REPORT_BATCH_ROWS, ReferralsService } from '../../libs/referrals/src';
import { freshIin } from '../factories/catalog';
import { createEmploymentCenter, createUser, signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

// The period report's rows are read in batches paged on (created_at, id).
describe('the referral report read in batches', () => {
  let t: TestApp;
  let officer: { id: string; role: 'officer'; employmentCenterId: string };
  // The centre's date when each test starts (the day may turn between tests).
  let today: string;
  beforeEach(() => {
    today = todayIn('Asia/Almaty');
  });

  /** `count` referrals of one statement, so they share created_at (now() of its transaction). */
  async function insertReferrals(count: number): Promise<void> {
    const people = Array.from({ length: count }, () => freshIin());
    await t.dataSource.query(
      `INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, craft, created_by)
       SELECT $1, 'B-' || left(md5(random()::text), 10), iin, 'Batch', 'Row', 'felt', $2
         FROM unnest($3::text[]) AS iin`,
      [officer.employmentCenterId, officer.id, people],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    const centre = await createEmploymentCenter(t.dataSource, `Batches ${randomUUID()}`);
    const user = await createUser(t.dataSource, 'officer', { employmentCenterId: centre.id });
    officer = { id: user.id, role: 'officer', employmentCenterId: centre.id };
    await insertReferrals(7);
    await insertReferrals(3);
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives every row of the period once, in the order of (created_at, id), whatever the batch size', async () => {
    const expected = (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM referrals WHERE employment_center_id = $1 ORDER BY created_at, id`,
        [officer.employmentCenterId],
      )
    ).map((r) => r.id);
    expect(expected).toHaveLength(10);
    const service = t.app.get(ReferralsService);
    for (const batchRows of [1, 3, 7, 10, 1000]) {
      const { summary, batches } = await service.openReferralReport(
        officer,
        { from: addDays(today, -1), to: today },
        batchRows,
      );
      expect(summary.totals.referrals).toBe(10);
      const sizes: number[] = [];
      const ids: string[] = [];
      for await (const batch of batches) {
        sizes.push(batch.length);
        ids.push(...batch.map((row) => row.id));
      }
      expect(ids).toEqual(expected);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(batchRows);
    }
  });
});

// The JSON report is streamed from the same batches as the files: over HTTP, a period of more
// rows than two batches gives the rows of the CSV, in the same order, in one valid document.
describe('the JSON report of more than one batch', () => {
  let t: TestApp;
  let centreName: string;
  let officer: string;
  const ROWS = 2 * REPORT_BATCH_ROWS + 345;
  const period = 'from=2003-01-01&to=2003-12-31';

  beforeAll(async () => {
    t = await createTestApp();
    centreName = `Stream ${randomUUID()}`;
    const centre = await createEmploymentCenter(t.dataSource, centreName);
    const user = await signedIn(t, 'officer', { employmentCenterId: centre.id });
    officer = user.token;
    // 900 instants for all of them, so rows that share created_at straddle the batches' edges.
    await t.dataSource.query(
      `INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, craft,
                              created_by, created_at)
       SELECT $1, 'S-' || lpad(n::text, 5, '0'), iin, 'Stream', 'Row', 'felt', $2,
              '2003-03-01T00:00:00Z'::timestamptz + (n % 900) * interval '1 hour'
         FROM unnest($3::text[]) WITH ORDINALITY AS people (iin, n)`,
      [centre.id, user.id, Array.from({ length: ROWS }, () => freshIin())],
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('writes the rows of the CSV, in its order, as one JSON document', async () => {
    const json = await t.http().get(`/api/referrals/report?${period}`).set(bearer(officer));
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const report = json.body as {
      totals: { referrals: number };
      rows: {
        number: string;
        referredOn: string;
        employmentCenter: { kk: string; ru: string; en: string };
        lastName: string;
        firstName: string;
        patronymic: string | null;
        iin: string;
      }[];
    };
    expect(report.totals.referrals).toBe(ROWS);
    expect(report.rows).toHaveLength(ROWS);

    const csv = await t
      .http()
      .get(`/api/referrals/report?${period}&format=csv&lang=en`)
      .set(bearer(officer));
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(ROWS);
    expect(
      report.rows.map((r) =>
        [
          r.number,
          r.referredOn,
          r.employmentCenter.en,
          r.lastName,
          r.firstName,
          r.patronymic ?? '',
          r.iin,
        ].join(','),
      ),
    ).toEqual(lines.map((line) => line.split(',').slice(0, 7).join(',')));
    expect(new Set(report.rows.map((r) => r.number)).size).toBe(ROWS);
    expect(report.rows[0]!.employmentCenter).toEqual({
      kk: centreName,
      ru: centreName,
      en: centreName,
    });
  });
});
