import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions from the waitlist kept until staff have called the trainee, and the moment each
 * officer last looked at the own centre's referrals.
 */
export class WaitlistPromotionsAndReferralLooks1796330000000 implements MigrationInterface {
  name = 'WaitlistPromotionsAndReferralLooks1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "waitlist_promotions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "promoted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" uuid,
                CONSTRAINT "ck_waitlist_promotion_acknowledged" CHECK (("acknowledged_at" IS NULL) = ("acknowledged_by" IS NULL)),
                CONSTRAINT "pk_waitlist_promotions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_waitlist_promotions_unacknowledged" ON "waitlist_promotions" ("promoted_at", "id")
            WHERE "acknowledged_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_waitlist_promotions_enrollment" ON "waitlist_promotions" ("enrollment_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "waitlist_promotions"
            ADD CONSTRAINT "fk_waitlist_promotion_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "waitlist_promotions"
            ADD CONSTRAINT "fk_waitlist_promotion_acknowledged_by" FOREIGN KEY ("acknowledged_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE TABLE "referral_looks" (
                "user_id" uuid NOT NULL,
                "looked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_referral_looks" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "referral_looks"
            ADD CONSTRAINT "fk_referral_look_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "referral_looks" DROP CONSTRAINT "fk_referral_look_user"
        `);
    await queryRunner.query(`
            DROP TABLE "referral_looks"
        `);
    await queryRunner.query(`
            ALTER TABLE "waitlist_promotions" DROP CONSTRAINT "fk_waitlist_promotion_acknowledged_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "waitlist_promotions" DROP CONSTRAINT "fk_waitlist_promotion_enrollment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_waitlist_promotions_enrollment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_waitlist_promotions_unacknowledged"
        `);
    await queryRunner.query(`
            DROP TABLE "waitlist_promotions"
        `);
  }
}
