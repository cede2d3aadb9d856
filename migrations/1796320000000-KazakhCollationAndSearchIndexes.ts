import { MigrationInterface, QueryRunner } from 'typeorm';

/** The name columns that lists sort by, with their types (a collation is set by retyping). */
const NAME_COLUMNS: readonly (readonly [table: string, column: string, type: string])[] = [
  ['trainees', 'last_name', 'varchar(100)'],
  ['trainees', 'first_name', 'varchar(100)'],
  ['trainees', 'patronymic', 'varchar(100)'],
  ['referrals', 'last_name', 'varchar(100)'],
  ['referrals', 'first_name', 'varchar(100)'],
  ['referrals', 'patronymic', 'varchar(100)'],
  ['users', 'full_name', 'varchar(200)'],
  ['courses', 'title', 'varchar(200)'],
];

/**
 * Names sort in Kazakh alphabetical order (А Ә Б … К Қ … О Ө … У Ұ Ү …), by an ICU collation of
 * PostgreSQL rather than in JavaScript, so a page of a sorted list is still read from an index.
 * The name columns take the collation themselves: every ORDER BY on them (trainee list, rosters,
 * attendance sheets, accounts, courses) sorts the Kazakh way, and PostgreSQL rebuilds the indexes
 * on those columns (`ix_trainees_name_order`, `ix_referrals_name_trgm`) on it. The ICU collation is
 * deterministic, so equality and LIKE behave as before. Search indexes for groups, referrals and
 * certificates (docs/decisions/0008-read-paths-at-national-scale.md shows each plan before and
 * after).
 */
export class KazakhCollationAndSearchIndexes1796320000000 implements MigrationInterface {
  name = 'KazakhCollationAndSearchIndexes1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE COLLATION kk_kz (provider = icu, locale = 'kk-KZ')`);
    for (const [table, column, type] of NAME_COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${type} COLLATE kk_kz`,
      );
    }
    await queryRunner.query(`CREATE INDEX ix_referrals_iin ON referrals (iin)`);
    await queryRunner.query(
      `CREATE INDEX ix_referrals_number_trgm ON referrals USING gin (lower(number) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_certificates_number_trgm ON certificates USING gin (number gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_groups_code_trgm ON groups USING gin (lower(code) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_groups_code_trgm`);
    await queryRunner.query(`DROP INDEX ix_certificates_number_trgm`);
    await queryRunner.query(`DROP INDEX ix_referrals_number_trgm`);
    await queryRunner.query(`DROP INDEX ix_referrals_iin`);
    for (const [table, column, type] of [...NAME_COLUMNS].reverse()) {
      await queryRunner.query(
        `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${type} COLLATE "default"`,
      );
    }
    await queryRunner.query(`DROP COLLATION kk_kz`);
  }
}
