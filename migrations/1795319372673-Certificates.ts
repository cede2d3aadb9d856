import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1795319372673 implements MigrationInterface {
  name = 'Certificates1795319372673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "number" character varying(32) NOT NULL,
                "verification_code" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "failure_reason" character varying(1000),
                "file_key" character varying(300),
                "sha256" character(64),
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoke_reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_certificate_verification_code" UNIQUE ("verification_code"),
                CONSTRAINT "uq_certificate_number" UNIQUE ("number"),
                CONSTRAINT "uq_certificate_enrollment" UNIQUE ("enrollment_id"),
                CONSTRAINT "ck_certificate_number" CHECK ("number" ~ '^SHB-[0-9]{4}-[0-9]{5,}$'),
                CONSTRAINT "ck_certificate_status" CHECK (
                    "status" IN ('pending', 'issued', 'failed', 'revoked')
                ),
                CONSTRAINT "pk_certificates" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_certificates_status" ON "certificates" ("status", "updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_counters" (
                "year" integer NOT NULL,
                "last_number" integer NOT NULL,
                CONSTRAINT "pk_certificate_counters" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "fk_certificate_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "fk_certificate_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_status"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
  }
}
