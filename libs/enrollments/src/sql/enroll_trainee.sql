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
