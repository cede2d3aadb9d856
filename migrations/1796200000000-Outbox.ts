import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796200000000 implements MigrationInterface {
  name = 'Outbox1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "jobs" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_outbox" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_unsent" ON "outbox" ("id")
            WHERE "sent_at" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_unsent"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
  }
}
