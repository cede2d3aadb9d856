import { MigrationInterface, QueryRunner } from 'typeorm';

export class LessonsAttendanceHolidays1795317980271 implements MigrationInterface {
  name = 'LessonsAttendanceHolidays1795317980271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "holidays" (
                "date" date NOT NULL,
                "name_kk" character varying(200) NOT NULL,
                "name_ru" character varying(200) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                CONSTRAINT "pk_holidays" PRIMARY KEY ("date")
            )
        `);
    // Kazakhstan's public holidays of 2026 and 2027 (Kurban Ait moves with the lunar calendar;
    // its dates follow the government's announcement). Staff add or remove days through the API.
    await queryRunner.query(`
            INSERT INTO "holidays" ("date", "name_kk", "name_ru", "name_en")
            SELECT d::date, kk, ru, en FROM (VALUES
                ('01-01', 'Жаңа жыл', 'Новый год', 'New Year'),
                ('01-02', 'Жаңа жыл', 'Новый год', 'New Year'),
                ('01-07', 'Православиелік Рождество', 'Православное Рождество', 'Orthodox Christmas'),
                ('03-08', 'Халықаралық әйелдер күні', 'Международный женский день', 'International Women''s Day'),
                ('03-21', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
                ('03-22', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
                ('03-23', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
                ('05-01', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', 'Unity Day'),
                ('05-07', 'Отан қорғаушы күні', 'День защитника Отечества', 'Defender of the Fatherland Day'),
                ('05-09', 'Жеңіс күні', 'День Победы', 'Victory Day'),
                ('07-06', 'Астана күні', 'День столицы', 'Capital Day'),
                ('08-30', 'Конституция күні', 'День Конституции', 'Constitution Day'),
                ('10-25', 'Республика күні', 'День Республики', 'Republic Day'),
                ('12-16', 'Тәуелсіздік күні', 'День Независимости', 'Independence Day')
            ) AS h(md, kk, ru, en)
            CROSS JOIN (VALUES ('2026'), ('2027')) AS y(year)
            CROSS JOIN LATERAL (SELECT y.year || '-' || h.md AS d) AS x
            UNION ALL
            SELECT d::date, 'Құрбан айт', 'Курбан айт', 'Kurban Ait'
              FROM (VALUES ('2026-05-27'), ('2027-05-16')) AS k(d)
        `);
    await queryRunner.query(`
            CREATE TABLE "lessons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "group_id" uuid NOT NULL,
                "date" date NOT NULL,
                "start_time" character varying(5) NOT NULL,
                "end_time" character varying(5) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "uq_lesson_group_start" UNIQUE ("group_id", "starts_at"),
                CONSTRAINT "ck_lesson_times" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "pk_lessons" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_lessons_starts_at" ON "lessons" ("starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_lessons_group_date" ON "lessons" ("group_id", "date")
        `);
    await queryRunner.query(`
            CREATE TABLE "attendance_marks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "lesson_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL,
                "note" character varying(500),
                "marked_by" uuid,
                "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_attendance_lesson_enrollment" UNIQUE ("lesson_id", "enrollment_id"),
                CONSTRAINT "ck_attendance_status" CHECK (
                    "status" IN ('present', 'late', 'absent', 'excused')
                ),
                CONSTRAINT "pk_attendance_marks" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_attendance_enrollment" ON "attendance_marks" ("enrollment_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "fk_lesson_group" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_marks"
            ADD CONSTRAINT "fk_attendance_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_marks"
            ADD CONSTRAINT "fk_attendance_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "attendance_marks" DROP CONSTRAINT "fk_attendance_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_marks" DROP CONSTRAINT "fk_attendance_lesson"
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "fk_lesson_group"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_attendance_enrollment"
        `);
    await queryRunner.query(`
            DROP TABLE "attendance_marks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_lessons_group_date"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_lessons_starts_at"
        `);
    await queryRunner.query(`
            DROP TABLE "lessons"
        `);
    await queryRunner.query(`
            DROP TABLE "holidays"
        `);
  }
}
