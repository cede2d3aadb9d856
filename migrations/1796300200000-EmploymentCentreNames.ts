import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An employment centre's name in Kazakh, Russian and English, as crafts have. `name` stays the
 * name as given: it is shown in every language whose own name is not given (every centre, until
 * an admin gives them).
 */
export class EmploymentCentreNames1796300200000 implements MigrationInterface {
  name = 'EmploymentCentreNames1796300200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE employment_centers
        ADD COLUMN name_kk character varying(200),
        ADD COLUMN name_ru character varying(200),
        ADD COLUMN name_en character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE employment_centers
        DROP COLUMN name_en, DROP COLUMN name_ru, DROP COLUMN name_kk`);
  }
}
