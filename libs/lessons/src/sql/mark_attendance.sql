-- Marking a lesson in one round trip (docs/PERFORMANCE.md): locks the lesson, applies the rules
-- the caller chose for its actor, checks the marks against the group's trainees, writes what
-- changed and its audit row. Who may do what is decided in TypeScript (LessonsService): the master
-- who must teach the group or null, the days after which the window closes or null, whether a
-- reason is required, whether a lesson already marked may be corrected one mark at a time; the
-- statuses in which a group's attendance changes come from ENROLLING_GROUP_STATUSES. Refusals are
-- raised with SQLSTATE SHB01, the dotted code of the catalogues as message, its parameters as a
-- JSON object in the detail (no words: the API writes them in the caller's language) and, for a
-- field, the field as hint; LessonsService turns them into domain errors.
CREATE OR REPLACE FUNCTION mark_attendance(p_lesson_id uuid, p_marks jsonb, p_reason text,
                                           p_group_master_id uuid, p_window_days integer,
                                           p_reason_required boolean, p_marking_statuses text[],
                                           p_actor_id uuid, p_actor_role text, p_request_id text,
                                           p_zone text, p_partial_correction boolean)
RETURNS TABLE (out_action text)
LANGUAGE plpgsql AS $$
DECLARE
  v_lesson record;
  v_active uuid[];
  v_bad bigint;
  v_missing uuid[];
  v_had_marks boolean;
  v_partial boolean;
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
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.reason_required', HINT = 'reason',
      DETAIL = '{}';
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
  v_had_marks := EXISTS (SELECT 1 FROM attendance_marks a WHERE a.lesson_id = p_lesson_id);
  -- A lesson marked once may be corrected one mark at a time (by staff): then a mark may also be
  -- of a trainee who has left since, as long as that trainee has a mark on this lesson to correct.
  v_partial := p_partial_correction AND v_had_marks;
  SELECT m.n - 1 INTO v_bad
    FROM jsonb_array_elements(p_marks) WITH ORDINALITY AS m(v, n)
   WHERE NOT ((m.v->>'enrollmentId')::uuid = ANY (v_active))
     AND NOT (v_partial AND EXISTS (SELECT 1 FROM attendance_marks a
                                     WHERE a.lesson_id = p_lesson_id
                                       AND a.enrollment_id = (m.v->>'enrollmentId')::uuid))
   ORDER BY m.n LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.not_in_group',
      HINT = format('marks.%s.enrollmentId', v_bad),
      DETAIL = jsonb_build_object('group', v_lesson.code)::text;
  END IF;
  IF NOT v_partial THEN
    SELECT coalesce(array_agg(a ORDER BY a), '{}') INTO v_missing
      FROM unnest(v_active) AS a
     WHERE a NOT IN (SELECT (v->>'enrollmentId')::uuid FROM jsonb_array_elements(p_marks) AS v);
    IF cardinality(v_missing) > 0 THEN
      RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'lesson.marks_missing', HINT = 'marks',
        DETAIL = jsonb_build_object('count', cardinality(v_missing), 'group', v_lesson.code,
                                    'enrollments', to_jsonb(v_missing))::text;
    END IF;
  END IF;

  -- What changes, with the old and the new value of each mark and whose it is, for the audit row
  -- (the trainee's name, so that the entry reads without looking the enrollment up).
  SELECT jsonb_object_agg(i.enrollment_id, jsonb_build_object(
           'trainee', concat_ws(' ', t.last_name, t.first_name, t.patronymic),
           'from', CASE WHEN a.enrollment_id IS NULL THEN NULL
                        ELSE jsonb_build_object('status', a.status, 'note', a.note) END,
           'to', jsonb_build_object('status', i.status, 'note', i.note)))
    INTO v_changes
    FROM (SELECT (v->>'enrollmentId')::uuid AS enrollment_id, v->>'status' AS status,
                 v->>'note' AS note
            FROM jsonb_array_elements(p_marks) AS v) i
    JOIN enrollments e ON e.id = i.enrollment_id
    JOIN trainees t ON t.id = e.trainee_id
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
