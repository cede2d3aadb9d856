import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the lists people page through, each in the order its list is sorted, and trigram
 * indexes for searching names by a fragment (docs/decisions/0008-read-paths-at-national-scale.md shows each plan before and after,
 * on the national-scale data of `npm run seed:scale`).
 */
export class ReadPathIndexes1795500000000 implements MigrationInterface {
  name = 'ReadPathIndexes1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension: the database's owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`DROP INDEX ix_trainees_search_name`);
    await queryRunner.query(
      `CREATE INDEX ix_trainees_search_name_trgm ON trainees USING gin (search_name gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_trainees_name_order ON trainees (last_name, first_name, id)`,
    );
    await queryRunner.query(`CREATE INDEX ix_referrals_created ON referrals (created_at, id)`);
    await queryRunner.query(`DROP INDEX ix_referrals_center_created`);
    await queryRunner.query(
      `CREATE INDEX ix_referrals_center_created ON referrals (employment_center_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_referrals_name_trgm ON referrals
         USING gin ((lower(last_name || ' ' || first_name || coalesce(' ' || patronymic, ''))) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX ix_audit_log_at`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_at ON audit_log (at, id)`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, at, id)`);
    await queryRunner.query(`CREATE INDEX ix_groups_start_code ON groups (start_date DESC, code)`);
    await queryRunner.query(
      `CREATE INDEX ix_groups_status_start_code ON groups (status, start_date DESC, code)`,
    );
    await queryRunner.query(`DROP INDEX ix_groups_status`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_groups_status ON groups (status)`);
    await queryRunner.query(`DROP INDEX ix_groups_status_start_code`);
    await queryRunner.query(`DROP INDEX ix_groups_start_code`);
    await queryRunner.query(`DROP INDEX ix_audit_log_actor`);
    await queryRunner.query(`DROP INDEX ix_audit_log_at`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_at ON audit_log (at)`);
    await queryRunner.query(`DROP INDEX ix_referrals_name_trgm`);
    await queryRunner.query(`DROP INDEX ix_referrals_center_created`);
    await queryRunner.query(
      `CREATE INDEX ix_referrals_center_created ON referrals (employment_center_id, created_at)`,
    );
    await queryRunner.query(`DROP INDEX ix_referrals_created`);
    await queryRunner.query(`DROP INDEX ix_trainees_name_order`);
    await queryRunner.query(`DROP INDEX ix_trainees_search_name_trgm`);
    await queryRunner.query(`CREATE INDEX ix_trainees_search_name ON trainees (search_name)`);
  }
}
