import { MigrationInterface, QueryRunner } from 'typeorm';

export class CoursesGroupsTraineesEnrollments1795316261342 implements MigrationInterface {
  name = 'CoursesGroupsTraineesEnrollments1795316261342';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "craft" character varying(32) NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text,
                "hours" integer NOT NULL,
                "min_attendance_percent" integer NOT NULL DEFAULT '80',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_course_min_attendance" CHECK (
                    "min_attendance_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "ck_course_hours" CHECK (
                    "hours" BETWEEN 1 AND 2000
                ),
                CONSTRAINT "pk_courses" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_courses_craft" ON "courses" ("craft")
        `);
    await queryRunner.query(`
            CREATE TABLE "groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(32) NOT NULL,
                "course_id" uuid NOT NULL,
                "master_id" uuid,
                "room" character varying(100),
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                "schedule" jsonb NOT NULL,
                "capacity" smallint NOT NULL DEFAULT '8',
                "status" character varying(16) NOT NULL DEFAULT 'planned',
                "active_count" integer NOT NULL DEFAULT '0',
                "waitlist_count" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_group_code" UNIQUE ("code"),
                CONSTRAINT "ck_group_status" CHECK (
                    "status" IN (
                        'planned',
                        'open',
                        'in_progress',
                        'completed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "ck_group_dates" CHECK ("end_date" >= "start_date"),
                CONSTRAINT "ck_group_waitlist_count" CHECK ("waitlist_count" >= 0),
                CONSTRAINT "ck_group_active_within_capacity" CHECK (
                    "active_count" BETWEEN 0 AND "capacity"
                ),
                CONSTRAINT "ck_group_capacity_max_8" CHECK (
                    "capacity" BETWEEN 1 AND 8
                ),
                CONSTRAINT "pk_groups" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_groups_status" ON "groups" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_groups_master" ON "groups" ("master_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_groups_course" ON "groups" ("course_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "trainees" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "iin" character(12) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "first_name" character varying(100) NOT NULL,
                "patronymic" character varying(100),
                "search_name" character varying(310) NOT NULL,
                "birth_date" date NOT NULL,
                "sex" character varying(6) NOT NULL,
                "phone" character varying(32),
                "email" character varying(254),
                "categories" text array NOT NULL DEFAULT '{}',
                "consent" boolean NOT NULL,
                "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "guardian_name" character varying(200),
                "guardian_phone" character varying(32),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_trainee_iin" UNIQUE ("iin"),
                CONSTRAINT "ck_trainee_sex" CHECK ("sex" IN ('male', 'female')),
                CONSTRAINT "ck_trainee_consent" CHECK (
                    "consent" = true
                    AND "consent_at" IS NOT NULL
                ),
                CONSTRAINT "ck_trainee_iin_format" CHECK ("iin" ~ '^[0-9]{12}$'),
                CONSTRAINT "pk_trainees" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_trainees_search_name" ON "trainees" ("search_name")
        `);
    await queryRunner.query(`
            CREATE TABLE "enrollments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "group_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "waitlist_position" integer,
                "status_reason" character varying(500),
                "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_enrollment_waitlist_position" CHECK (
                    ("status" = 'waitlisted') = ("waitlist_position" IS NOT NULL)
                ),
                CONSTRAINT "ck_enrollment_status" CHECK (
                    "status" IN (
                        'active',
                        'waitlisted',
                        'withdrawn',
                        'completed',
                        'failed'
                    )
                ),
                CONSTRAINT "pk_enrollments" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrollments_trainee_status" ON "enrollments" ("trainee_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrollments_group_status" ON "enrollments" ("group_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enrollment_waitlist_position" ON "enrollments" ("group_id", "waitlist_position")
            WHERE "status" = 'waitlisted'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enrollment_trainee_group_open" ON "enrollments" ("trainee_id", "group_id")
            WHERE "status" IN ('active', 'waitlisted')
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "fk_course_craft" FOREIGN KEY ("craft") REFERENCES "crafts"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "groups"
            ADD CONSTRAINT "fk_group_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "groups"
            ADD CONSTRAINT "fk_group_master" FOREIGN KEY ("master_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "fk_enrollment_trainee" FOREIGN KEY ("trainee_id") REFERENCES "trainees"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "fk_enrollment_group" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollment_group"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollment_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "groups" DROP CONSTRAINT "fk_group_master"
        `);
    await queryRunner.query(`
            ALTER TABLE "groups" DROP CONSTRAINT "fk_group_course"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "fk_course_craft"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_log"
            ALTER COLUMN "changes"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_enrollment_trainee_group_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_enrollment_waitlist_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrollments_group_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrollments_trainee_status"
        `);
    await queryRunner.query(`
            DROP TABLE "enrollments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_trainees_search_name"
        `);
    await queryRunner.query(`
            DROP TABLE "trainees"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_groups_course"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_groups_master"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_groups_status"
        `);
    await queryRunner.query(`
            DROP TABLE "groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_courses_craft"
        `);
    await queryRunner.query(`
            DROP TABLE "courses"
        `);
  }
}
