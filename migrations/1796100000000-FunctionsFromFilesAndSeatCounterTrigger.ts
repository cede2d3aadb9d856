import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database functions from their files (`libs/<lib>/src/sql/<name>.sql`, copied here as they
 * are now; a test compares the database with the files): enroll_trainee and mark_attendance receive the
 * status sets from TypeScript and no longer decide by the actor's role; the seat counters are kept
 * by the trigger enrollment_seat_counters (docs/decisions/0010-seat-counters.md), recounted once
 * from the enrollments here. timetables_overlap and marking_window are the same rules, reindented.
 */
export class FunctionsFromFilesAndSeatCounterTrigger1796100000000 implements MigrationInterface {
  name = 'FunctionsFromFilesAndSeatCounterTrigger1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(TIMETABLES_OVERLAP);
    await queryRunner.query(MARKING_WINDOW);
    await queryRunner.query('DROP FUNCTION enroll_trainee(uuid, uuid, uuid, text, text)');
    await queryRunner.query(ENROLL_TRAINEE);
    await queryRunner.query(
      'DROP FUNCTION mark_attendance(uuid, jsonb, text, uuid, text, text, text, integer)',
    );
    await queryRunner.query(MARK_ATTENDANCE);
    await queryRunner.query(ENROLLMENT_SEAT_COUNTERS);
    for (const trigger of SEAT_COUNTER_TRIGGERS) await queryRunner.query(trigger);
    // From now on the trigger moves the counters; they start from the rows.
    await queryRunner.query(`
      UPDATE groups g SET active_count = coalesce(c.active, 0), waitlist_count = coalesce(c.waitlisted, 0)
        FROM groups x
        LEFT JOIN (SELECT group_id, count(*) FILTER (WHERE status = 'active')::int AS active,
                          count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
                     FROM enrollments GROUP BY group_id) c ON c.group_id = x.id
       WHERE g.id = x.id
         AND (g.active_count <> coalesce(c.active, 0) OR g.waitlist_count <> coalesce(c.waitlisted, 0))
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER enrollment_seat_counters_${name} ON enrollments`);
    }
    await queryRunner.query('DROP FUNCTION enrollment_seat_counters()');
    await queryRunner.query(
      'DROP FUNCTION mark_attendance(uuid, jsonb, text, uuid, integer, boolean, text[], uuid, text, text, text)',
    );
    await queryRunner.query(OLD_MARK_ATTENDANCE);
    await queryRunner.query('DROP FUNCTION enroll_trainee(uuid, uuid, text[], uuid, text, text)');
    await queryRunner.query(OLD_ENROLL_TRAINEE);
    await queryRunner.query(OLD_MARKING_WINDOW);
    await queryRunner.query(OLD_TIMETABLES_OVERLAP);
  }
}

const TIMETABLES_OVERLAP = `
CREATE OR REPLACE FUNCTION timetables_overlap(a_start date, a_end date, a_schedule jsonb,
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
$$;
`;

const MARKING_WINDOW = `
CREATE OR REPLACE FUNCTION marking_window(p_date date, p_starts_at timestamptz, p_now timestamptz,
                                          p_zone text, p_days integer)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
           WHEN p_now < p_starts_at THEN 'not_started'
           WHEN p_now < ((p_date + p_days + 1)::timestamp AT TIME ZONE p_zone) THEN 'open'
           ELSE 'closed'
         END
$$;
`;

const ENROLL_TRAINEE = `
CREATE OR REPLACE FUNCTION enroll_trainee(p_group_id uuid, p_trainee_id uuid,
                                          p_enrolling_statuses text[], p_actor_id uuid,
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
  -- Lock order as everywhere: the trainee, then the group. Two enrollments of one person never
  -- check overlaps at the same time.
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

  -- The group's row lock, held until commit, makes the seat take below race-proof: requests for
  -- one group run one after the other. The trigger enrollment_seat_counters counts the seat or the
  -- place when the enrollment is inserted; ck_group_active_within_capacity is the backstop.
  SELECT g.code, g.status, g.capacity, g.active_count, g.waitlist_count, g.start_date, g.end_date,
         g.schedule
    INTO v_group
    FROM groups g WHERE g.id = p_group_id
     FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_found';
  END IF;
  IF NOT v_group.status = ANY (p_enrolling_statuses) THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_enrolling',
      DETAIL = format('Group %s is %s; trainees can enroll only while it is %s',
                      v_group.code, v_group.status,
                      replace(array_to_string(p_enrolling_statuses, ' or '), '_', ' '));
  END IF;
  IF v_group.active_count >= v_group.capacity THEN
    v_status := 'waitlisted';
    v_position := v_group.waitlist_count + 1;
  END IF;

  SELECT g.code INTO v_clash
    FROM enrollments e JOIN groups g ON g.id = e.group_id
   WHERE e.trainee_id = p_trainee_id AND e.status = 'active' AND e.group_id <> p_group_id
     AND timetables_overlap(g.start_date, g.end_date, g.schedule,
                            v_group.start_date, v_group.end_date, v_group.schedule)
   ORDER BY g.start_date, g.code
   LIMIT 1;
  IF v_clash IS NOT NULL THEN
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
$$;
`;

const MARK_ATTENDANCE = `
CREATE OR REPLACE FUNCTION mark_attendance(p_lesson_id uuid, p_marks jsonb, p_reason text,
                                           p_group_master_id uuid, p_window_days integer,
                                           p_reason_required boolean, p_marking_statuses text[],
                                           p_actor_id uuid, p_actor_role text, p_request_id text,
                                           p_zone text)
RETURNS TABLE (out_action text)
LANGUAGE plpgsql AS $$
DECLARE
  v_lesson record;
  v_active uuid[];
  v_bad bigint;
  v_missing uuid[];
  v_had_marks boolean;
  v_changes jsonb;
  v_action text;
BEGIN
  SELECT l.id, l.date, l.start_time, l.starts_at, l.group_id, g.master_id, g.status, g.code
    INTO v_lesson
    FROM lessons l JOIN groups g ON g.id = l.group_id
   WHERE l.id = p_lesson_id
     FOR UPDATE OF l;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson_not_found';
  END IF;
  -- Guards a race, not a rule: the caller decided the actor must teach the group; the master is
  -- read here, in the statement that writes, so a master replaced meanwhile marks nothing.
  IF p_group_master_id IS NOT NULL AND v_lesson.master_id IS DISTINCT FROM p_group_master_id THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'not_group_master',
      DETAIL = format('Only the master of group %s marks its attendance', v_lesson.code);
  END IF;
  IF p_reason_required AND p_reason IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input', HINT = 'reason',
      DETAIL = 'is required when staff or admin mark or correct a lesson';
  END IF;
  IF now() < v_lesson.starts_at THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson_not_started',
      DETAIL = format('The lesson of %s %s has not started yet',
                      to_char(v_lesson.date, 'YYYY-MM-DD'), v_lesson.start_time);
  END IF;
  IF p_window_days IS NOT NULL
     AND marking_window(v_lesson.date, v_lesson.starts_at, now(), p_zone, p_window_days) = 'closed'
  THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'marking_window_closed',
      DETAIL = format('Masters mark a lesson up to %s days after it; ask staff to correct the lesson of %s',
                      p_window_days, to_char(v_lesson.date, 'YYYY-MM-DD'));
  END IF;
  IF NOT v_lesson.status = ANY (p_marking_statuses) THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_running',
      DETAIL = format('Group %s is %s; its attendance can no longer change',
                      v_lesson.code, v_lesson.status);
  END IF;

  SELECT coalesce(array_agg(e.id), '{}') INTO v_active
    FROM enrollments e WHERE e.group_id = v_lesson.group_id AND e.status = 'active';
  SELECT m.n - 1 INTO v_bad
    FROM jsonb_array_elements(p_marks) WITH ORDINALITY AS m(v, n)
   WHERE NOT ((m.v->>'enrollmentId')::uuid = ANY (v_active))
   ORDER BY m.n LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input',
      HINT = format('marks.%s.enrollmentId', v_bad),
      DETAIL = format('is not an active trainee of group %s', v_lesson.code);
  END IF;
  SELECT coalesce(array_agg(a ORDER BY a), '{}') INTO v_missing
    FROM unnest(v_active) AS a
   WHERE a NOT IN (SELECT (v->>'enrollmentId')::uuid FROM jsonb_array_elements(p_marks) AS v);
  IF cardinality(v_missing) > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input', HINT = 'marks',
      DETAIL = format('%s active trainee(s) of group %s have no mark: %s',
                      cardinality(v_missing), v_lesson.code, array_to_string(v_missing, ', '));
  END IF;

  v_had_marks := EXISTS (SELECT 1 FROM attendance_marks a WHERE a.lesson_id = p_lesson_id);
  -- What changes, with the old and the new value of each mark, for the audit row.
  SELECT jsonb_object_agg(i.enrollment_id, jsonb_build_object(
           'from', CASE WHEN a.enrollment_id IS NULL THEN NULL
                        ELSE jsonb_build_object('status', a.status, 'note', a.note) END,
           'to', jsonb_build_object('status', i.status, 'note', i.note)))
    INTO v_changes
    FROM (SELECT (v->>'enrollmentId')::uuid AS enrollment_id, v->>'status' AS status,
                 v->>'note' AS note
            FROM jsonb_array_elements(p_marks) AS v) i
    LEFT JOIN attendance_marks a ON a.lesson_id = p_lesson_id AND a.enrollment_id = i.enrollment_id
   WHERE a.enrollment_id IS NULL OR a.status IS DISTINCT FROM i.status
      OR a.note IS DISTINCT FROM i.note;
  IF v_changes IS NULL THEN
    -- Marking the same again changes nothing and writes nothing.
    RETURN QUERY SELECT NULL::text;
    RETURN;
  END IF;

  INSERT INTO attendance_marks (lesson_id, enrollment_id, status, note, marked_by, marked_at)
  SELECT p_lesson_id, (v->>'enrollmentId')::uuid, v->>'status', v->>'note', p_actor_id, now()
    FROM jsonb_array_elements(p_marks) AS v
  ON CONFLICT ON CONSTRAINT uq_attendance_lesson_enrollment
  DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note,
                marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at
  WHERE attendance_marks.status IS DISTINCT FROM EXCLUDED.status
     OR attendance_marks.note IS DISTINCT FROM EXCLUDED.note;

  v_action := CASE WHEN v_had_marks THEN 'correct_attendance' ELSE 'mark_attendance' END;
  INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, request_id)
  VALUES (p_actor_id, p_actor_role, v_action, 'lesson', p_lesson_id,
          jsonb_build_object('marks', v_changes)
            || CASE WHEN p_reason IS NULL THEN '{}'::jsonb
                    ELSE jsonb_build_object('reason', p_reason) END,
          p_request_id);
  RETURN QUERY SELECT v_action;
END
$$;
`;

const ENROLLMENT_SEAT_COUNTERS = `
CREATE OR REPLACE FUNCTION enrollment_seat_counters()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its trigger has.
  IF TG_OP = 'INSERT' THEN
    UPDATE groups g
       SET active_count = g.active_count + d.active,
           waitlist_count = g.waitlist_count + d.waitlisted, updated_at = now()
      FROM (SELECT n.group_id, count(*) FILTER (WHERE n.status = 'active')::int AS active,
                   count(*) FILTER (WHERE n.status = 'waitlisted')::int AS waitlisted
              FROM new_rows n GROUP BY n.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE groups g
       SET active_count = g.active_count - d.active,
           waitlist_count = g.waitlist_count - d.waitlisted, updated_at = now()
      FROM (SELECT o.group_id, count(*) FILTER (WHERE o.status = 'active')::int AS active,
                   count(*) FILTER (WHERE o.status = 'waitlisted')::int AS waitlisted
              FROM old_rows o GROUP BY o.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  ELSE
    UPDATE groups g
       SET active_count = g.active_count + d.active,
           waitlist_count = g.waitlist_count + d.waitlisted, updated_at = now()
      FROM (SELECT c.group_id,
                   coalesce(sum(c.n) FILTER (WHERE c.status = 'active'), 0)::int AS active,
                   coalesce(sum(c.n) FILTER (WHERE c.status = 'waitlisted'), 0)::int AS waitlisted
              FROM (SELECT n.group_id, n.status, 1 AS n FROM new_rows n
                    UNION ALL
                    SELECT o.group_id, o.status, -1 FROM old_rows o) c
             GROUP BY c.group_id) d
     WHERE g.id = d.group_id AND (d.active <> 0 OR d.waitlisted <> 0);
  END IF;
  RETURN NULL;
END
$$;
`;

const SEAT_COUNTER_TRIGGERS = [
  'CREATE TRIGGER enrollment_seat_counters_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();',
  'CREATE TRIGGER enrollment_seat_counters_update AFTER UPDATE ON enrollments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();',
  'CREATE TRIGGER enrollment_seat_counters_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_seat_counters();',
];

// The definitions this migration replaces, as 1795330000000 and 1795330100000 wrote them.
const OLD_TIMETABLES_OVERLAP = `
      CREATE OR REPLACE FUNCTION timetables_overlap(a_start date, a_end date, a_schedule jsonb,
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
    `;

const OLD_MARKING_WINDOW = `
      CREATE OR REPLACE FUNCTION marking_window(p_date date, p_starts_at timestamptz, p_now timestamptz,
                                     p_zone text, p_days integer)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE
                 WHEN p_now < p_starts_at THEN 'not_started'
                 WHEN p_now < ((p_date + p_days + 1)::timestamp AT TIME ZONE p_zone) THEN 'open'
                 ELSE 'closed'
               END
      $$
    `;

const OLD_ENROLL_TRAINEE = `
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
    `;

const OLD_MARK_ATTENDANCE = `
      CREATE FUNCTION mark_attendance(p_lesson_id uuid, p_marks jsonb, p_reason text,
                                      p_actor_id uuid, p_actor_role text, p_request_id text,
                                      p_zone text, p_master_days integer)
      RETURNS TABLE (out_action text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_lesson record;
        v_active uuid[];
        v_bad bigint;
        v_missing uuid[];
        v_had_marks boolean;
        v_changes jsonb;
        v_action text;
        v_window text;
      BEGIN
        SELECT l.id, l.date, l.start_time, l.starts_at, l.group_id, g.master_id, g.status, g.code
          INTO v_lesson
          FROM lessons l JOIN groups g ON g.id = l.group_id
         WHERE l.id = p_lesson_id
           FOR UPDATE OF l;
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson_not_found';
        END IF;
        IF p_actor_role = 'master' THEN
          IF v_lesson.master_id IS DISTINCT FROM p_actor_id THEN
            RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'not_group_master',
              DETAIL = format('Only the master of group %s marks its attendance', v_lesson.code);
          END IF;
        ELSIF p_reason IS NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input', HINT = 'reason',
            DETAIL = 'is required when staff or admin mark or correct a lesson';
        END IF;
        v_window := marking_window(v_lesson.date, v_lesson.starts_at, now(), p_zone, p_master_days);
        IF v_window = 'not_started' THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson_not_started',
            DETAIL = format('The lesson of %s %s has not started yet',
                            to_char(v_lesson.date, 'YYYY-MM-DD'), v_lesson.start_time);
        END IF;
        IF p_actor_role = 'master' AND v_window = 'closed' THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'marking_window_closed',
            DETAIL = format('Masters mark a lesson up to %s days after it; ask staff to correct the lesson of %s',
                            p_master_days, to_char(v_lesson.date, 'YYYY-MM-DD'));
        END IF;
        IF v_lesson.status NOT IN ('open', 'in_progress') THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group_not_running',
            DETAIL = format('Group %s is %s; its attendance can no longer change',
                            v_lesson.code, v_lesson.status);
        END IF;

        SELECT coalesce(array_agg(e.id), '{}') INTO v_active
          FROM enrollments e WHERE e.group_id = v_lesson.group_id AND e.status = 'active';
        SELECT m.n - 1 INTO v_bad
          FROM jsonb_array_elements(p_marks) WITH ORDINALITY AS m(v, n)
         WHERE NOT ((m.v->>'enrollmentId')::uuid = ANY (v_active))
         ORDER BY m.n LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input',
            HINT = format('marks.%s.enrollmentId', v_bad),
            DETAIL = format('is not an active trainee of group %s', v_lesson.code);
        END IF;
        SELECT coalesce(array_agg(a ORDER BY a), '{}') INTO v_missing
          FROM unnest(v_active) AS a
         WHERE a NOT IN (SELECT (v->>'enrollmentId')::uuid FROM jsonb_array_elements(p_marks) AS v);
        IF cardinality(v_missing) > 0 THEN
          RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'invalid_input', HINT = 'marks',
            DETAIL = format('%s active trainee(s) of group %s have no mark: %s',
                            cardinality(v_missing), v_lesson.code, array_to_string(v_missing, ', '));
        END IF;

        v_had_marks := EXISTS (SELECT 1 FROM attendance_marks a WHERE a.lesson_id = p_lesson_id);
        -- What changes, with the old and the new value of each mark, for the audit row.
        SELECT jsonb_object_agg(i.enrollment_id, jsonb_build_object(
                 'from', CASE WHEN a.enrollment_id IS NULL THEN NULL
                              ELSE jsonb_build_object('status', a.status, 'note', a.note) END,
                 'to', jsonb_build_object('status', i.status, 'note', i.note)))
          INTO v_changes
          FROM (SELECT (v->>'enrollmentId')::uuid AS enrollment_id, v->>'status' AS status,
                       v->>'note' AS note
                  FROM jsonb_array_elements(p_marks) AS v) i
          LEFT JOIN attendance_marks a ON a.lesson_id = p_lesson_id AND a.enrollment_id = i.enrollment_id
         WHERE a.enrollment_id IS NULL OR a.status IS DISTINCT FROM i.status
            OR a.note IS DISTINCT FROM i.note;
        IF v_changes IS NULL THEN
          -- Marking the same again changes nothing and writes nothing.
          RETURN QUERY SELECT NULL::text;
          RETURN;
        END IF;

        INSERT INTO attendance_marks (lesson_id, enrollment_id, status, note, marked_by, marked_at)
        SELECT p_lesson_id, (v->>'enrollmentId')::uuid, v->>'status', v->>'note', p_actor_id, now()
          FROM jsonb_array_elements(p_marks) AS v
        ON CONFLICT ON CONSTRAINT uq_attendance_lesson_enrollment
        DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note,
                      marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at
        WHERE attendance_marks.status IS DISTINCT FROM EXCLUDED.status
           OR attendance_marks.note IS DISTINCT FROM EXCLUDED.note;

        v_action := CASE WHEN v_had_marks THEN 'correct_attendance' ELSE 'mark_attendance' END;
        INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, request_id)
        VALUES (p_actor_id, p_actor_role, v_action, 'lesson', p_lesson_id,
                jsonb_build_object('marks', v_changes)
                  || CASE WHEN p_reason IS NULL THEN '{}'::jsonb
                          ELSE jsonb_build_object('reason', p_reason) END,
                p_request_id);
        RETURN QUERY SELECT v_action;
      END
      $$
    `;
