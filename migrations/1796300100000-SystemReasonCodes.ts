import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reasons the system gives (a cancelled or completed group, too little attendance, a reopening)
 * become codes in `status_reason_code`, shown in the reader's language; `status_reason` keeps
 * only what a person typed. The English words already stored become codes: a referral's
 * "enrollment withdrawn: …" keeps the words after the colon (the enrollment's status is shown
 * beside it), and "group reopened: …" the admin's reason. `down` writes the words back.
 */
export class SystemReasonCodes1796300100000 implements MigrationInterface {
  name = 'SystemReasonCodes1796300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['enrollments', 'referrals']) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN status_reason_code character varying(32)`,
      );
    }
    // A referral's reason was its enrollment's, behind "enrollment <status>" and a colon.
    await queryRunner.query(`
      UPDATE referrals
         SET status_reason = nullif(regexp_replace(status_reason, '^enrollment [a-z_]+(: )?', ''), '')
       WHERE status_reason ~ '^enrollment (withdrawn|failed)'`);
    for (const table of ['enrollments', 'referrals']) {
      for (const [words, code] of SYSTEM_WORDS) {
        await queryRunner.query(
          `UPDATE ${table} SET status_reason = NULL, status_reason_code = $2
            WHERE status_reason = $1`,
          [words, code],
        );
      }
      await queryRunner.query(
        `UPDATE ${table}
            SET status_reason = nullif(substr(status_reason, length('group reopened: ') + 1), ''),
                status_reason_code = 'group_reopened'
          WHERE status_reason LIKE 'group reopened: %'`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['enrollments', 'referrals']) {
      for (const [words, code] of SYSTEM_WORDS) {
        await queryRunner.query(
          `UPDATE ${table} SET status_reason = $1 WHERE status_reason_code = $2`,
          [words, code],
        );
      }
      await queryRunner.query(
        `UPDATE ${table} SET status_reason = left('group reopened: ' || coalesce(status_reason, ''), 500)
          WHERE status_reason_code = 'group_reopened'`,
      );
    }
    // A dropped referral's reason names its enrollment's status again.
    await queryRunner.query(`
      UPDATE referrals r
         SET status_reason = left(concat('enrollment ', e.status, coalesce(': ' || r.status_reason, '')), 500)
        FROM enrollments e
       WHERE e.id = r.enrollment_id AND r.status = 'dropped'`);
    for (const table of ['enrollments', 'referrals']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN status_reason_code`);
    }
  }
}

/** The words the system wrote before, and their codes (SYSTEM_REASONS). */
const SYSTEM_WORDS: [string, string][] = [
  ['group cancelled', 'group_cancelled'],
  ['group completed', 'group_completed'],
  ['attendance below the course threshold', 'attendance_below_threshold'],
];
