import { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1795324419334 implements MigrationInterface {
  name = 'Referrals1795324419334';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "referrals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employment_center_id" uuid NOT NULL,
                "number" character varying(50) NOT NULL,
                "iin" character(12) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "first_name" character varying(100) NOT NULL,
                "patronymic" character varying(100),
                "phone" character varying(32),
                "categories" text array NOT NULL DEFAULT '{}',
                "craft" character varying(32) NOT NULL,
                "course_id" uuid,
                "note" character varying(1000),
                "status" character varying(16) NOT NULL DEFAULT 'submitted',
                "status_reason" character varying(500),
                "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "trainee_id" uuid,
                "enrollment_id" uuid,
                "outcome" character varying(20),
                "outcome_date" date,
                "outcome_note" character varying(1000),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_referral_center_number" UNIQUE ("employment_center_id", "number"),
                CONSTRAINT "ck_referral_outcome_date" CHECK (("outcome" IS NULL) = ("outcome_date" IS NULL)),
                CONSTRAINT "ck_referral_outcome" CHECK (
                    "outcome" IS NULL
                    OR "outcome" IN (
                        'employed',
                        'self_employed',
                        'centre_workshop',
                        'unemployed',
                        'further_training'
                    )
                ),
                CONSTRAINT "ck_referral_enrollment" CHECK (
                    "status" NOT IN ('enrolled', 'completed', 'dropped')
                    OR "enrollment_id" IS NOT NULL
                ),
                CONSTRAINT "ck_referral_status" CHECK (
                    "status" IN (
                        'submitted',
                        'accepted',
                        'enrolled',
                        'completed',
                        'rejected',
                        'cancelled',
                        'dropped'
                    )
                ),
                CONSTRAINT "ck_referral_iin_format" CHECK ("iin" ~ '^[0-9]{12}$'),
                CONSTRAINT "pk_referrals" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_referrals_status" ON "referrals" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_referrals_center_created" ON "referrals" ("employment_center_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_referral_enrollment" ON "referrals" ("enrollment_id")
            WHERE "enrollment_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_referral_person_open" ON "referrals" ("iin")
            WHERE "status" IN ('submitted', 'accepted', 'enrolled')
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_employment_center" FOREIGN KEY ("employment_center_id") REFERENCES "employment_centers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_craft" FOREIGN KEY ("craft") REFERENCES "crafts"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_trainee" FOREIGN KEY ("trainee_id") REFERENCES "trainees"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals"
            ADD CONSTRAINT "fk_referral_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_course"
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_craft"
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP CONSTRAINT "fk_referral_employment_center"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_referral_person_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_referral_enrollment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_referrals_center_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_referrals_status"
        `);
    await queryRunner.query(`
            DROP TABLE "referrals"
        `);
  }
}
