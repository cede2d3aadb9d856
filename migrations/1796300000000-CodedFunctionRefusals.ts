import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * enroll_trainee and mark_attendance refuse with the dotted codes of the catalogues and give the
 * parameters of each refusal (the groups it names, the lesson's date, the days of the window) as a
 * JSON object instead of an English sentence, so the API writes the refusal in the caller's
 * language. Copied from libs/enrollments/src/sql/enroll_trainee.sql and
 * libs/lessons/src/sql/mark_attendance.sql; `down` restores the previous texts.
 */
export class CodedFunctionRefusals1796300000000 implements MigrationInterface {
  name = 'CodedFunctionRefusals1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ENROLL_TRAINEE);
    await queryRunner.query(MARK_ATTENDANCE);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(OLD_ENROLL_TRAINEE);
    await queryRunner.query(OLD_MARK_ATTENDANCE);
  }
}

const ENROLL_TRAINEE = `
-- Enrollment in one round trip (docs/PERFORMANCE.md): locks the trainee, then the group, takes a
-- free seat or the next waitlist place, refuses an overlap with the trainee's other active groups,
-- and writes the enrollment and its audit row. The statuses of a group that accept enrollment come
-- from ENROLLING_GROUP_STATUSES (libs/groups/src/group-status.ts). Refusals are raised with SQLSTATE
-- SHB01, the dotted code of the catalogues as message and its parameters as a JSON object in the
-- detail (no words: the API writes them in the caller's language); EnrollmentsService turns them
-- into NotFoundError and ConflictError.
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
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'trainee.not_found';
  END IF;
  SELECT e.status, g.code INTO v_same
    FROM enrollments e JOIN groups g ON g.id = e.group_id
   WHERE e.trainee_id = p_trainee_id AND e.group_id = p_group_id
     AND e.status IN ('active', 'waitlisted');
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'enrollment.already_enrolled',
      DETAIL = jsonb_build_object('group', v_same.code, 'status', v_same.status)::text;
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
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group.not_found';
  END IF;
  IF NOT v_group.status = ANY (p_enrolling_statuses) THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group.not_enrolling',
      DETAIL = jsonb_build_object('group', v_group.code, 'status', v_group.status)::text;
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
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'enrollment.schedule_overlap',
      DETAIL = jsonb_build_object('other', v_clash, 'group', v_group.code)::text;
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
-- Marking a lesson in one round trip (docs/PERFORMANCE.md): locks the lesson, applies the rules
-- the caller chose for its actor, checks the marks against the group's active trainees, writes what
-- changed and its audit row. Who may do what is decided in TypeScript (LessonsService): the master
-- who must teach the group or null, the days after which the window closes or null, whether a
-- reason is required; the statuses in which a group's attendance changes come from
-- ENROLLING_GROUP_STATUSES. Refusals are raised with SQLSTATE SHB01, the dotted code of the
-- catalogues as message, its parameters as a JSON object in the detail (no words: the API writes
-- them in the caller's language) and, for a field, the field as hint; LessonsService turns them
-- into domain errors.
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
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.not_found';
  END IF;
  -- Guards a race, not a rule: the caller decided the actor must teach the group; the master is
  -- read here, in the statement that writes, so a master replaced meanwhile marks nothing.
  IF p_group_master_id IS NOT NULL AND v_lesson.master_id IS DISTINCT FROM p_group_master_id THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.not_group_master',
      DETAIL = jsonb_build_object('group', v_lesson.code)::text;
  END IF;
  IF p_reason_required AND p_reason IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.reason_required', HINT = 'reason';
  END IF;
  IF now() < v_lesson.starts_at THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.not_started',
      DETAIL = jsonb_build_object('date', to_char(v_lesson.date, 'YYYY-MM-DD'),
                                  'time', v_lesson.start_time)::text;
  END IF;
  IF p_window_days IS NOT NULL
     AND marking_window(v_lesson.date, v_lesson.starts_at, now(), p_zone, p_window_days) = 'closed'
  THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.marking_window_closed',
      DETAIL = jsonb_build_object('days', p_window_days,
                                  'date', to_char(v_lesson.date, 'YYYY-MM-DD'))::text;
  END IF;
  IF NOT v_lesson.status = ANY (p_marking_statuses) THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'group.not_running',
      DETAIL = jsonb_build_object('group', v_lesson.code, 'status', v_lesson.status)::text;
  END IF;

  SELECT coalesce(array_agg(e.id), '{}') INTO v_active
    FROM enrollments e WHERE e.group_id = v_lesson.group_id AND e.status = 'active';
  SELECT m.n - 1 INTO v_bad
    FROM jsonb_array_elements(p_marks) WITH ORDINALITY AS m(v, n)
   WHERE NOT ((m.v->>'enrollmentId')::uuid = ANY (v_active))
   ORDER BY m.n LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.not_in_group',
      HINT = format('marks.%s.enrollmentId', v_bad),
      DETAIL = jsonb_build_object('group', v_lesson.code)::text;
  END IF;
  SELECT coalesce(array_agg(a ORDER BY a), '{}') INTO v_missing
    FROM unnest(v_active) AS a
   WHERE a NOT IN (SELECT (v->>'enrollmentId')::uuid FROM jsonb_array_elements(p_marks) AS v);
  IF cardinality(v_missing) > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.marks_missing', HINT = 'marks',
      DETAIL = jsonb_build_object('count', cardinality(v_missing),
                                  'missing', array_to_string(v_missing, ', '))::text;
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

const OLD_ENROLL_TRAINEE = `
-- Enrollment in one round trip (docs/PERFORMANCE.md): locks the trainee, then the group, takes a
-- free seat or the next waitlist place, refuses an overlap with the trainee's other active groups,
-- and writes the enrollment and its audit row. The statuses of a group that accept enrollment come
-- from ENROLLING_GROUP_STATUSES (libs/groups/src/group-status.ts). Refusals are raised with SQLSTATE
-- SHB01, the code as message and the human text as detail; EnrollmentsService turns them into
-- NotFoundError and ConflictError.
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

const OLD_MARK_ATTENDANCE = `
-- Marking a lesson in one round trip (docs/PERFORMANCE.md): locks the lesson, applies the rules
-- the caller chose for its actor, checks the marks against the group's active trainees, writes what
-- changed and its audit row. Who may do what is decided in TypeScript (LessonsService): the master
-- who must teach the group or null, the days after which the window closes or null, whether a
-- reason is required; the statuses in which a group's attendance changes come from
-- ENROLLING_GROUP_STATUSES. Refusals are raised with SQLSTATE SHB01, the code as message, the human
-- text as detail and, for a field, the field as hint; LessonsService turns them into domain errors.
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
