import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workshops become records (name, craft, workplaces) and a group points at one instead of naming
 * a room in free text. Each room the groups named becomes a workshop (names that differ only in
 * case or surrounding spaces are one), of the craft of its latest group, with 8 workplaces so that
 * every existing group fits; staff correct the craft and the workplaces on the workshops screen.
 */
export class Workshops1796400000000 implements MigrationInterface {
  name = 'Workshops1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "workshops" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) COLLATE kk_kz NOT NULL,
                "craft" character varying(32) NOT NULL,
                "workplaces" smallint NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_workshop_workplaces" CHECK ("workplaces" BETWEEN 1 AND 30),
                CONSTRAINT "pk_workshops" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_workshop_name" ON "workshops" (lower("name"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_workshops_craft" ON "workshops" ("craft")`);
    await queryRunner.query(`
            ALTER TABLE "workshops"
            ADD CONSTRAINT "fk_workshop_craft" FOREIGN KEY ("craft") REFERENCES "crafts"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "groups" ADD "workshop_id" uuid`);
    await queryRunner.query(`
            INSERT INTO "workshops" ("name", "craft", "workplaces")
            SELECT DISTINCT ON (lower(btrim(g.room))) btrim(g.room), c.craft, 8
              FROM "groups" g JOIN "courses" c ON c.id = g.course_id
             WHERE btrim(coalesce(g.room, '')) <> ''
             ORDER BY lower(btrim(g.room)), g.start_date DESC
        `);
    await queryRunner.query(`
            UPDATE "groups" g SET "workshop_id" = w.id
              FROM "workshops" w
             WHERE lower(w.name) = lower(btrim(g.room))
        `);
    await queryRunner.query(`CREATE INDEX "ix_groups_workshop" ON "groups" ("workshop_id")`);
    await queryRunner.query(`
            ALTER TABLE "groups"
            ADD CONSTRAINT "fk_group_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "room"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "groups" ADD "room" character varying(100)`);
    await queryRunner.query(`
            UPDATE "groups" g SET "room" = w.name FROM "workshops" w WHERE w.id = g.workshop_id
        `);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "fk_group_workshop"`);
    await queryRunner.query(`DROP INDEX "ix_groups_workshop"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "workshop_id"`);
    await queryRunner.query(`ALTER TABLE "workshops" DROP CONSTRAINT "fk_workshop_craft"`);
    await queryRunner.query(`DROP TABLE "workshops"`);
  }
}
