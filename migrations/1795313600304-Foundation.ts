import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795313600304 implements MigrationInterface {
  name = 'Foundation1795313600304';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_role" character varying(16) NOT NULL,
                "action" character varying(64) NOT NULL,
                "entity" character varying(64) NOT NULL,
                "entity_id" character varying(64) NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "request_id" character varying(64),
                CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity", "entity_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "crafts" (
                "code" character varying(32) NOT NULL,
                "name_kk" character varying(100) NOT NULL,
                "name_ru" character varying(100) NOT NULL,
                "name_en" character varying(100) NOT NULL,
                "sort_order" smallint NOT NULL DEFAULT '0',
                CONSTRAINT "pk_crafts" PRIMARY KEY ("code")
            )
        `);
    // The five crafts of the centre, in Kazakh, Russian and English. More come by migration.
    await queryRunner.query(`
            INSERT INTO "crafts" ("code", "name_kk", "name_ru", "name_en", "sort_order") VALUES
                ('jewelry', 'Зергерлік өнер', 'Ювелирное дело', 'Jewelry', 1),
                ('pottery', 'Құмырашылық', 'Гончарное дело', 'Pottery', 2),
                ('leather', 'Былғары өңдеу', 'Работа с кожей', 'Leatherwork', 3),
                ('felt', 'Киіз басу', 'Валяние войлока', 'Felt making', 4),
                ('souvenirs', 'Кәдесый жасау', 'Изготовление сувениров', 'Souvenir making', 5)
        `);
    await queryRunner.query(`
            CREATE TABLE "employment_centers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "region" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_employment_center_name" UNIQUE ("name"),
                CONSTRAINT "pk_employment_centers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "role" character varying(16) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "token_version" integer NOT NULL DEFAULT '0',
                "employment_center_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_user_email" UNIQUE ("email"),
                CONSTRAINT "ck_user_email_lowercase" CHECK ("email" = lower("email")),
                CONSTRAINT "ck_user_officer_center" CHECK (
                    "role" <> 'officer'
                    OR "employment_center_id" IS NOT NULL
                ),
                CONSTRAINT "ck_user_role" CHECK (
                    "role" IN ('admin', 'staff', 'master', 'officer')
                ),
                CONSTRAINT "pk_users" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_employment_center" ON "users" ("employment_center_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "master_crafts" (
                "user_id" uuid NOT NULL,
                "craft_code" character varying(32) NOT NULL,
                CONSTRAINT "pk_master_crafts" PRIMARY KEY ("user_id", "craft_code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_master_crafts_craft" ON "master_crafts" ("craft_code")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_user_employment_center" FOREIGN KEY ("employment_center_id") REFERENCES "employment_centers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "master_crafts"
            ADD CONSTRAINT "fk_master_craft_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "master_crafts"
            ADD CONSTRAINT "fk_master_craft_craft" FOREIGN KEY ("craft_code") REFERENCES "crafts"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "master_crafts" DROP CONSTRAINT "fk_master_craft_craft"
        `);
    await queryRunner.query(`
            ALTER TABLE "master_crafts" DROP CONSTRAINT "fk_master_craft_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_user_employment_center"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_master_crafts_craft"
        `);
    await queryRunner.query(`
            DROP TABLE "master_crafts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_employment_center"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "employment_centers"
        `);
    await queryRunner.query(`
            DROP TABLE "crafts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
