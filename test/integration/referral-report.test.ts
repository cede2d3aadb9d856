import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays, todayIn } from '../../libs/common/src';
import { ReferralsService } from '../../libs/referrals/src';
import { freshIin } from '../factories/catalog';
import { createEmploymentCenter, createUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

// The period report's rows are read in batches paged on (created_at, id).
describe('the referral report read in batches', () => {
  let t: TestApp;
  let officer: { id: string; role: 'officer'; employmentCenterId: string };
  const today = todayIn('Asia/Almaty');

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
