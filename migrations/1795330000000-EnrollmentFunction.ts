import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrollment as one database function, so that an enrollment is one round trip from the API:
 * a round trip costs more than the statements themselves
 * (docs/decisions/0003-prepared-statements.md). `timetables_overlap` is the SQL twin of `timetablesOverlap` in
 * libs/groups/src/schedule.ts; a test compares the two on many timetables.
 */
export class EnrollmentFunction1795330000000 implements MigrationInterface {
  name = 'EnrollmentFunction1795330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION timetables_overlap(a_start date, a_end date, a_schedule jsonb,
                                         b_start date, b_end date, b_schedule jsonb)
      RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT greatest(a_start, b_start) <= least(a_end, b_end) AND EXISTS (
          SELECT 1
            FROM jsonb_array_elements(a_schedule) x
            JOIN jsonb_array_elements(b_schedule) y
              ON (x->>'weekday')::int = (y->>'weekday')::int
           WHERE (x->>'startTime')::time < (y->>'endTime')::time
             AND (y->>'startTime')::time < (x->>'endTime')::time
             -- the weekday must occur in the days both groups run
             AND (x->>'weekday')::int IN (
                   SELECT extract(isodow FROM d)::int
                     FROM generate_series(greatest(a_start, b_start)::timestamp,
                                          least(a_end, b_end, greatest(a_start, b_start) + 6)::timestamp,
                                          interval '1 day') d))
      $$
    `);
    // Domain refusals are raised with SQLSTATE SHB01, the code as message and the human text as
    // detail; EnrollmentsService turns them into NotFoundError and ConflictError.
    await queryRunner.query(`
      CREATE FUNCTION enroll_trainee(p_group_id uuid, p_trainee_id uuid, p_actor_id uuid,
                                     p_actor_role text, p_request_id text)
      RETURNS TABLE (out_id uuid, out_status text, out_position integer)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_same record;
        v_group record;
        v_status text := 'active';
        v_position integer;
        v_clash text;
        v_id uuid;
      BEGIN
        -- Lock order as everywhere: the trainee, then the group. Two enrollments of one person
        -- never check overlaps at the same time.
        PERFORM 1 FROM trainees t WHERE t.id = p_trainee_id FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'trainee_not_found';
        END IF;
        SELECT e.status, g.code INTO v_same
          FROM enrollments e JOIN groups g ON g.id = e.group_id
         WHERE e.trainee_id = p_trainee_id AND e.group_id = p_group_id
           AND e.status IN ('active', 'waitlisted');
        IF FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'already_enrolled',
            DETAIL = format('The trainee is already %s in group %s', v_same.status, v_same.code);
        END IF;

        -- The guarded counter takes a seat and holds the group's row lock until commit.
        UPDATE groups g SET active_count = g.active_count + 1, updated_at = now()
         WHERE g.id = p_group_id AND g.status IN ('open', 'in_progress') AND g.active_count < g.capacity
        RETURNING g.code, g.start_date, g.end_date, g.schedule, g.waitlist_count INTO v_group;
        IF NOT FOUND THEN
          UPDATE groups g SET waitlist_count = g.waitlist_count + 1, updated_at = now()
           WHERE g.id = p_group_id AND g.status IN ('open', 'in_progress')
          RETURNING g.code, g.start_date, g.end_date, g.schedule, g.waitlist_count INTO v_group;
          IF NOT FOUND THEN
            SELECT g.code, g.status INTO v_group FROM groups g WHERE g.id = p_group_id;
            IF NOT FOUND THEN
              RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_found';
            END IF;
            RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_enrolling',
              DETAIL = format('Group %s is %s; trainees can enroll only while it is open or in progress',
                              v_group.code, v_group.status);
          END IF;
          v_status := 'waitlisted';
          v_position := v_group.waitlist_count;
        END IF;

        SELECT g.code INTO v_clash
          FROM enrollments e JOIN groups g ON g.id = e.group_id
         WHERE e.trainee_id = p_trainee_id AND e.status = 'active' AND e.group_id <> p_group_id
           AND timetables_overlap(g.start_date, g.end_date, g.schedule,
                                  v_group.start_date, v_group.end_date, v_group.schedule)
         ORDER BY g.start_date, g.code
         LIMIT 1;
        IF v_clash IS NOT NULL THEN
          -- Raising rolls the seat back with the rest of the statement.
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'schedule_overlap',
            DETAIL = format('The trainee is active in group %s, whose dates and times overlap group %s',
                            v_clash, v_group.code);
        END IF;

        INSERT INTO enrollments (trainee_id, group_id, status, waitlist_position)
        VALUES (p_trainee_id, p_group_id, v_status, v_position)
        RETURNING enrollments.id INTO v_id;
        INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, request_id)
        VALUES (p_actor_id, p_actor_role, 'enroll', 'enrollment', v_id,
                jsonb_build_object('traineeId', p_trainee_id, 'groupId', p_group_id,
                                   'status', v_status, 'waitlistPosition', v_position),
                p_request_id);
        RETURN QUERY SELECT v_id, v_status, v_position;
      END
      $$
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION enroll_trainee(uuid, uuid, uuid, text, text)');
    await queryRunner.query(
      'DROP FUNCTION timetables_overlap(date, date, jsonb, date, date, jsonb)',
    );
  }
}
