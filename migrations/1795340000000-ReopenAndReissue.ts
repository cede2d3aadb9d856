import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group remembers when it was completed (an admin may reopen it within 24 hours); a certificate
 * may name the certificate that replaced it; and an enrollment may hold revoked certificates
 * beside its one valid certificate, so uq_certificate_enrollment counts only those not revoked.
 */
export class ReopenAndReissue1795340000000 implements MigrationInterface {
  name = 'ReopenAndReissue1795340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "groups"
            ADD "completed_at" TIMESTAMP WITH TIME ZONE
        `);
    // Groups completed before this column existed: their last change is their completion.
    await queryRunner.query(`
            UPDATE "groups" SET "completed_at" = "updated_at" WHERE "status" = 'completed'
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "uq_certificate_enrollment"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificate_enrollment" ON "certificates" ("enrollment_id")
            WHERE "status" <> 'revoked'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_enrollment" ON "certificates" ("enrollment_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD "replaced_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "fk_certificate_replaced_by" FOREIGN KEY ("replaced_by_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "fk_certificate_replaced_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP COLUMN "replaced_by_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_enrollment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_certificate_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "uq_certificate_enrollment" UNIQUE ("enrollment_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "groups" DROP COLUMN "completed_at"
        `);
  }
}
