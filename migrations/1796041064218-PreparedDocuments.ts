import { MigrationInterface, QueryRunner } from 'typeorm';

export class PreparedDocuments1796041064218 implements MigrationInterface {
  name = 'PreparedDocuments1796041064218';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(32) NOT NULL,
                "group_id" uuid NOT NULL,
                "requested_by" uuid,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "inputs_sha256" character(64) NOT NULL,
                "file_key" character varying(300),
                "failure_reason" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_document_status" CHECK ("status" IN ('pending', 'ready', 'failed')),
                CONSTRAINT "ck_document_kind" CHECK (
                    "kind" IN ('attendance_journal', 'group_certificates')
                ),
                CONSTRAINT "pk_documents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_document_inputs" ON "documents" ("kind", "group_id", "inputs_sha256")
            WHERE "status" <> 'failed'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_documents_status" ON "documents" ("status", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "fk_document_group" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "fk_document_requester" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "fk_document_requester"
        `);
    await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "fk_document_group"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_documents_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_document_inputs"
        `);
    await queryRunner.query(`
            DROP TABLE "documents"
        `);
  }
}
