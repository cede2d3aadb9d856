#!/usr/bin/env node
// npm run seed:scale — a national network in a database of its own, for the read-path benchmark:
// 20 employment centres, 100 000 trainees, 20 000 groups (a few hundred open or running),
// 150 000 enrollments, 300 000 lessons, 2 000 000 marks, 30 000 referrals, 100 000 certificates
// and the audit rows all that would have written. Every constraint holds, and so do the invariants
// the code keeps: seat counters, gap-free waitlists, one open referral per person, certificate
// numbers consecutive within a year with the counters at the last one.
//
//   npm run seed:scale                       into postgres://postgres@127.0.0.1:5432/sheber_scale
//   npm run seed:scale -- --scale 0.1        a tenth of everything (a quick look)
//   SCALE_DATABASE_URL=… npm run seed:scale  elsewhere (the database is dropped and made anew)
//
// The rows are made by PostgreSQL itself (generate_series), stage by stage; a bar shows progress.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const SCALE = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
if (!(SCALE > 0 && SCALE <= 1)) {
  console.error('--scale must be a number in (0, 1]');
  process.exit(1);
}
const url = new URL(
  process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sheber_scale',
);
const name = url.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(`The database name ${name} must be lower-case letters, digits and _`);
  process.exit(1);
}

const N = {
  centres: 20,
  masters: 400,
  /** Of each craft: more than its unfinished groups, so each of those has a workshop of its own. */
  workshopsPerCraft: 80,
  officersPerCentre: 5,
  staff: 50,
  courses: 200,
  trainees: Math.round(100_000 * SCALE),
  groups: Math.round(20_000 * SCALE),
  unfinishedGroups: Math.max(10, Math.round(300 * SCALE)),
  lessonsPerGroup: 15,
  referrals: Math.round(30_000 * SCALE),
  submitted: Math.max(20, Math.round(500 * SCALE)),
};

/** The stages, each one statement or a few; `weight` is its share of the bar. */
const STAGES = [
  {
    name: 'helpers',
    weight: 1,
    sql: [
      // The IIN's check digit, as libs/trainees/src/iin.ts computes it; null when invalid.
      `CREATE FUNCTION pg_temp.iin_check(p text) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
       DECLARE s int := 0; d int;
       BEGIN
         FOR i IN 1..11 LOOP s := s + i * substr(p, i, 1)::int; END LOOP;
         d := s % 11;
         IF d = 10 THEN
           s := 0;
           FOR i IN 1..11 LOOP s := s + (((i + 1) % 11) + 1) * substr(p, i, 1)::int; END LOOP;
           d := s % 11;
         END IF;
         RETURN CASE WHEN d = 10 THEN NULL ELSE d END;
       END $$`,
      `CREATE FUNCTION pg_temp.pick(a text[], i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
       $$ SELECT a[1 + (abs(i) % array_length(a, 1))] $$`,
    ],
  },
  {
    name: 'users and centres',
    weight: 1,
    sql: [
      `INSERT INTO employment_centers (name, region)
       SELECT 'Жұмыспен қамту орталығы №' || g, pg_temp.pick(ARRAY['Қарағанды облысы','Ақмола облысы',
         'Алматы қаласы','Астана қаласы','Павлодар облысы','Шымкент қаласы','Ұлытау облысы'], g)
       FROM generate_series(1, ${N.centres}) g`,
      // Nobody signs in to these accounts: the hash is of no password.
      `INSERT INTO users (email, full_name, role, password_hash, employment_center_id)
       SELECT 'master' || g || '@scale.sheber.kz', 'Шебер ' || g, 'master', '!', NULL::uuid
         FROM generate_series(1, ${N.masters}) g
       UNION ALL
       SELECT 'staff' || g || '@scale.sheber.kz', 'Қызметкер ' || g, 'staff', '!', NULL
         FROM generate_series(1, ${N.staff}) g
       UNION ALL
       SELECT 'officer' || c.n || '-' || g || '@scale.sheber.kz', 'Инспектор ' || c.n || '-' || g,
              'officer', '!', c.id
         FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM employment_centers) c,
              generate_series(1, ${N.officersPerCentre}) g`,
      `INSERT INTO master_crafts (user_id, craft_code)
       SELECT u.id, c.code FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
                                  WHERE role = 'master') u
       JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM crafts) c
         ON c.k = u.n % 5 OR c.k = (u.n + 2) % 5`,
      `INSERT INTO courses (craft, title, description, hours, min_attendance_percent)
       SELECT c.code, c.name_kk || ': ' || pg_temp.pick(ARRAY['бастауыш курс','жетілдіру',
                'шеберхана','кәсіби курс','балаларға арналған'], g) || ' ' || g,
              'Курс ' || g, 40 + (g % 5) * 20, 80
         FROM generate_series(1, ${N.courses}) g
         JOIN (SELECT code, name_kk, row_number() OVER (ORDER BY code) - 1 AS k FROM crafts) c
           ON c.k = g % 5`,
    ],
  },
  {
    name: 'trainees',
    weight: 6,
    sql: [
      `WITH raw AS (
         SELECT g,
                date '1950-01-01' + (hashtext('b' || g) & 2147483647) % 20000 AS birth,
                (hashtext('s' || g) & 1) AS female
           FROM generate_series(1, ${N.trainees}) g),
       coded AS (
         SELECT g, birth, female,
                to_char(birth, 'YYMMDD') ||
                  (CASE WHEN birth < date '2000-01-01' THEN 3 ELSE 5 END + female)::text ||
                  lpad(((g * 7919) % 9973)::text, 4, '0') AS body
           FROM raw),
       checked AS (
         -- A body whose check digit would be 10 takes the next serial digit instead.
         SELECT g, birth, female, body, pg_temp.iin_check(body) AS d FROM coded)
       INSERT INTO trainees (iin, last_name, first_name, patronymic, search_name, birth_date, sex,
                             phone, categories, consent, consent_at, created_at, updated_at)
       SELECT iin, last_name, first_name, patronymic,
              lower(last_name || ' ' || first_name || coalesce(' ' || patronymic, '')),
              birth, CASE WHEN female = 1 THEN 'female' ELSE 'male' END,
              '+7 7' || lpad(((g::bigint * 104729) % 100000000)::text, 9, '0'),
              CASE g % 6 WHEN 0 THEN ARRAY['job_seeker'] WHEN 1 THEN ARRAY[]::text[]
                         WHEN 2 THEN ARRAY['youth'] WHEN 3 THEN ARRAY['pensioner']
                         WHEN 4 THEN ARRAY['job_seeker', 'disability'] ELSE ARRAY['orphan', 'youth'] END,
              true, created, created, created
         FROM (
           SELECT g, birth, female,
                  CASE WHEN d IS NULL THEN substr(body, 1, 10) || ((substr(body, 11, 1)::int + 1) % 10)::text
                       ELSE body END AS body2,
                  pg_temp.pick(CASE WHEN female = 1
                    THEN ARRAY['Жұмабаева','Оспанова','Қасымова','Төлегенова','Құдайбергенова',
                               'Иванова','Смирнова','Әбенова','Нұрланова','Сейітова','Ким','Омарова']
                    ELSE ARRAY['Жұмабаев','Оспанов','Қасымов','Төлеген','Құдайбергенов',
                               'Иванов','Смирнов','Әбенов','Нұрланов','Сейітов','Ким','Омаров'] END,
                    hashtext('l' || g)) AS last_name,
                  pg_temp.pick(CASE WHEN female = 1
                    THEN ARRAY['Айгерім','Әйгерім','Гүлнар','Дана','Жанар','Мария','Ольга','Сәуле',
                               'Ұлжан','Інжу','Ақбота','Елена']
                    ELSE ARRAY['Асқар','Бауыржан','Ерлан','Нұрсұлтан','Қайрат','Сергей','Иван',
                               'Әлихан','Ғалым','Ұлан','Өмір','Дмитрий'] END,
                    hashtext('f' || g)) AS first_name,
                  CASE WHEN g % 4 = 0 THEN NULL ELSE pg_temp.pick(CASE WHEN female = 1
                    THEN ARRAY['Қайратқызы','Серікқызы','Ивановна','Болатқызы']
                    ELSE ARRAY['Қайратұлы','Серікұлы','Иванович','Болатұлы'] END,
                    hashtext('p' || g)) END AS patronymic,
                  timestamptz '2016-01-10 05:00:00+00' + (g::float / ${N.trainees}) * interval '3940 days' AS created
             FROM checked) t
         CROSS JOIN LATERAL (SELECT body2 || pg_temp.iin_check(body2)::text AS iin) i
        WHERE pg_temp.iin_check(body2) IS NOT NULL
       ON CONFLICT ON CONSTRAINT uq_trainee_iin DO NOTHING`,
    ],
  },
  {
    name: 'groups',
    weight: 2,
    sql: [
      // The workshops of the network: of each craft, numbered in name order.
      `INSERT INTO workshops (name, craft, workplaces, created_at, updated_at)
       SELECT c.name_kk || ' шеберханасы №' || lpad(k::text, 3, '0'), c.code, 8,
              timestamptz '2016-01-05 05:00:00+00', timestamptz '2016-01-05 05:00:00+00'
         FROM crafts c CROSS JOIN generate_series(1, ${N.workshopsPerCraft}) k`,
      // Groups in order of start: the last few hundred are open or running, each with a master
      // and a workshop of its own (so no master's and no workshop's unfinished groups overlap);
      // the rest are over.
      `WITH courses_in_turn AS (
         SELECT id, craft, row_number() OVER (ORDER BY id) - 1 AS k FROM courses),
       numbered AS (
         SELECT g, c.id AS course_id, c.craft,
                date '2016-02-01' + ((g::float / ${N.groups}) * 3950)::int AS start_date,
                g > ${N.groups - N.unfinishedGroups} AS unfinished,
                row_number() OVER (PARTITION BY c.craft, g > ${N.groups - N.unfinishedGroups}
                                   ORDER BY g) - 1 AS rank
           FROM generate_series(1, ${N.groups}) g
           JOIN courses_in_turn c ON c.k = g % ${N.courses}),
       masters AS (
         SELECT u.id, u.n, c.code AS first_craft
           FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
                  WHERE role = 'master') u
           JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM crafts) c
             ON c.k = u.n % 5),
       workshops_in_turn AS (
         SELECT id, craft, row_number() OVER (PARTITION BY craft ORDER BY name) - 1 AS k
           FROM workshops)
       INSERT INTO groups (code, course_id, master_id, workshop_id, start_date, end_date, schedule,
                           capacity, status, created_at, updated_at)
       SELECT upper(left(n.craft, 2)) || '-' || extract(year FROM n.start_date) || '-' ||
                lpad(n.g::text, 5, '0'),
              n.course_id, m.user_id, w.id,
              n.start_date, n.start_date + 32,
              '[{"weekday":1,"startTime":"10:00","endTime":"13:00"},
                {"weekday":3,"startTime":"10:00","endTime":"13:00"},
                {"weekday":5,"startTime":"10:00","endTime":"13:00"}]'::jsonb,
              8,
              CASE WHEN n.g <= ${N.groups - N.unfinishedGroups} THEN
                     CASE WHEN n.g % 100 = 0 THEN 'cancelled' ELSE 'completed' END
                   WHEN n.g % 3 = 0 THEN 'open' ELSE 'in_progress' END,
              n.start_date - 20, n.start_date - 20
         FROM numbered n
         -- An unfinished group takes the next master whose first craft is its craft (each master
         -- has one first craft), so no master holds two; a finished one any qualified master.
         LEFT JOIN LATERAL (
           SELECT m.id AS user_id FROM masters m
            WHERE n.unfinished AND m.first_craft = n.craft
            ORDER BY m.n OFFSET n.rank LIMIT 1) first_masters ON true
         CROSS JOIN LATERAL (
           SELECT coalesce(first_masters.user_id, (
             SELECT mc.user_id FROM master_crafts mc WHERE mc.craft_code = n.craft
              ORDER BY mc.user_id OFFSET n.g % 150 LIMIT 1)) AS user_id) m
         JOIN workshops_in_turn w ON w.craft = n.craft
          AND w.k = CASE WHEN n.unfinished THEN n.rank ELSE n.g % ${N.workshopsPerCraft} END`,
      // Running groups started before today, open ones start after it; both end after it.
      `UPDATE groups SET start_date = current_date + (CASE WHEN status = 'open' THEN 7 ELSE -14 END),
                        end_date = current_date + (CASE WHEN status = 'open' THEN 39 ELSE 18 END)
        WHERE status IN ('open', 'in_progress')`,
    ],
  },
  {
    name: 'lessons',
    weight: 4,
    sql: [
      // Mondays, Wednesdays and Fridays 10:00–13:00 in Almaty (UTC+5), 15 of them.
      `INSERT INTO lessons (group_id, date, start_time, end_time, starts_at, ends_at)
       SELECT g.id, d, '10:00', '13:00', (d + time '10:00') AT TIME ZONE 'Asia/Almaty',
              (d + time '13:00') AT TIME ZONE 'Asia/Almaty'
         FROM groups g
         CROSS JOIN LATERAL (
           SELECT d::date FROM generate_series(g.start_date, g.end_date + 14, interval '1 day') d
            WHERE extract(isodow FROM d) IN (1, 3, 5)
            ORDER BY d LIMIT ${N.lessonsPerGroup}) l
        WHERE g.status <> 'cancelled'`,
      `UPDATE groups g SET end_date = l.last FROM
         (SELECT group_id, max(date) AS last FROM lessons GROUP BY group_id) l
        WHERE l.group_id = g.id`,
    ],
  },
  {
    name: 'enrollments',
    weight: 5,
    sql: [
      // Finished groups: 7–8 trainees each, completed (most), failed or withdrawn. Trainees are
      // dealt out in turn, so nobody is in two groups at once.
      `INSERT INTO enrollments (trainee_id, group_id, status, waitlist_position, status_reason,
                                status_changed_at, created_at, updated_at)
       SELECT t.id, x.group_id,
              CASE WHEN x.status = 'cancelled' THEN 'withdrawn'
                   WHEN ((hashtext(x.group_id::text) & 2147483647) + x.seat) % 4 = 3 THEN 'failed'
                   WHEN ((hashtext(x.group_id::text) & 2147483647) + x.seat) % 10 = 5 THEN 'withdrawn'
                   ELSE 'completed' END,
              NULL, CASE WHEN x.status = 'cancelled' THEN 'group cancelled' END,
              x.end_date + time '12:00', x.start_date - 10, x.end_date + time '12:00'
         FROM (SELECT g.id AS group_id, g.status, g.start_date, g.end_date, s AS seat,
                      row_number() OVER (ORDER BY g.start_date, g.id, s) AS k
                 FROM groups g CROSS JOIN LATERAL generate_series(1, 7 + (hashtext(g.code) & 1)) s
                WHERE g.status IN ('completed', 'cancelled')) x
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM trainees) t
           ON t.k = (x.k * 7) % (SELECT count(*) FROM trainees)`,
      // Unfinished groups: up to 8 active, then a waitlist 1, 2, 3… in a few of them.
      `INSERT INTO enrollments (trainee_id, group_id, status, waitlist_position, status_changed_at,
                                created_at, updated_at)
       SELECT t.id, x.group_id,
              CASE WHEN x.seat <= 8 THEN 'active' ELSE 'waitlisted' END,
              CASE WHEN x.seat <= 8 THEN NULL ELSE x.seat - 8 END,
              now() - interval '20 days', now() - interval '20 days', now() - interval '20 days'
         FROM (SELECT g.id AS group_id, s AS seat,
                      row_number() OVER (ORDER BY g.id, s) AS k
                 FROM groups g
                 CROSS JOIN LATERAL generate_series(1, 5 + (hashtext(g.code) & 3) +
                                    CASE WHEN hashtext(g.code) % 4 = 0 THEN 3 ELSE 0 END) s
                WHERE g.status IN ('open', 'in_progress')) x
         JOIN (SELECT id, row_number() OVER (ORDER BY id DESC) - 1 AS k FROM trainees) t
           ON t.k = x.k - 1`,
      `UPDATE groups g SET active_count = c.active, waitlist_count = c.waitlisted
         FROM (SELECT group_id, count(*) FILTER (WHERE status = 'active') AS active,
                      count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                 FROM enrollments GROUP BY group_id) c
        WHERE c.group_id = g.id`,
    ],
  },
  {
    name: 'attendance marks',
    weight: 30,
    sql: [
      // A mark for each lesson that has started and each trainee who was in the group then;
      // failed trainees were absent more often.
      `INSERT INTO attendance_marks (lesson_id, enrollment_id, status, marked_by, marked_at)
       SELECT l.id, e.id,
              CASE WHEN e.status = 'failed' AND (hashtext(l.id::text || e.id::text) & 3) <> 0
                     THEN 'absent'
                   ELSE (ARRAY['present','present','present','present','present','present',
                               'late','absent','excused','present'])
                        [1 + (hashtext(l.id::text || e.id::text) & 2147483647) % 10] END,
              g.master_id, l.ends_at + interval '10 minutes'
         FROM lessons l
         JOIN groups g ON g.id = l.group_id
         JOIN enrollments e ON e.group_id = l.group_id AND e.status IN ('active', 'completed', 'failed')
        WHERE l.starts_at < now()`,
    ],
  },
  {
    name: 'referrals',
    weight: 3,
    sql: [
      // Each referral is of one trainee's enrollment: finished ones completed or dropped with an
      // outcome, running ones enrolled; a tenth are still submitted, rejected or cancelled.
      `WITH picked AS (
         SELECT e.id AS enrollment_id, e.status AS e_status, e.created_at, t.id, t.iin,
                t.last_name, t.first_name, t.patronymic, t.phone,
                row_number() OVER (ORDER BY hashtext(e.id::text)) AS n
           FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
          WHERE e.status IN ('completed', 'failed', 'withdrawn', 'active', 'waitlisted')),
       centres AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM employment_centers),
       officers AS (SELECT DISTINCT ON (employment_center_id) employment_center_id, id FROM users
                     WHERE role = 'officer' ORDER BY employment_center_id, email)
       INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, patronymic,
                              phone, categories, craft, course_id, note, status, status_reason,
                              status_changed_at, trainee_id, enrollment_id, outcome, outcome_date,
                              created_by, created_at, updated_at)
       SELECT c.id, 'ЖО-' || extract(year FROM p.created_at) || '-' || lpad(p.n::text, 6, '0'),
              p.iin, p.last_name, p.first_name, p.patronymic, p.phone, ARRAY['job_seeker'],
              co.craft, g.course_id, CASE WHEN p.n % 5 = 0 THEN 'Алдыңғы жұмыс орны: зауыт' END,
              s.status, CASE WHEN s.status = 'rejected' THEN 'Курс толық' END,
              p.created_at, CASE WHEN s.linked THEN p.id END,
              CASE WHEN s.linked THEN p.enrollment_id END,
              CASE WHEN s.status = 'completed' THEN
                (ARRAY['employed','self_employed','centre_workshop','unemployed','further_training',
                       'employed'])[1 + p.n % 6] END,
              CASE WHEN s.status = 'completed' THEN g.end_date + 30 END,
              o.id, p.created_at - interval '3 days', p.created_at
         FROM picked p
         JOIN enrollments e ON e.id = p.enrollment_id
         JOIN groups g ON g.id = e.group_id
         JOIN courses co ON co.id = g.course_id
         JOIN centres c ON c.k = p.n % ${N.centres}
         JOIN officers o ON o.employment_center_id = c.id
         CROSS JOIN LATERAL (SELECT
           CASE WHEN p.n % 10 = 0 THEN (ARRAY['rejected','cancelled'])[1 + (p.n / 10) % 2]
                WHEN p.e_status = 'completed' THEN 'completed'
                WHEN p.e_status IN ('failed', 'withdrawn') THEN 'dropped'
                ELSE 'enrolled' END AS status,
           p.n % 10 <> 0 AS linked) s
        WHERE p.n <= ${N.referrals - N.submitted}`,
      // Waiting for intake: people who are not trainees yet (born after every trainee).
      `WITH people AS (
         SELECT g, date '2005-01-01' + g % 3000 AS birth, g % 2 AS female
           FROM generate_series(1, ${N.submitted}) g),
       coded AS (
         SELECT g, female, to_char(birth, 'YYMMDD') || (5 + female)::text ||
                lpad((g / 3000 + 1)::text, 4, '0') AS body FROM people),
       centres AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM employment_centers),
       officers AS (SELECT DISTINCT ON (employment_center_id) employment_center_id, id FROM users
                     WHERE role = 'officer' ORDER BY employment_center_id, email)
       INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, phone,
                              categories, craft, note, status, created_by, created_at, updated_at,
                              status_changed_at)
       SELECT c.id, 'ЖО-2026-Ж' || lpad(x.g::text, 6, '0'), x.body || pg_temp.iin_check(x.body),
              CASE WHEN x.female = 1 THEN 'Сәрсенова' ELSE 'Сәрсенов' END,
              CASE WHEN x.female = 1 THEN 'Гүлім' ELSE 'Ғалымжан' END,
              '+7 705 000 ' || lpad(x.g::text, 4, '0'), ARRAY['job_seeker','youth'],
              (SELECT code FROM crafts ORDER BY code OFFSET x.g % 5 LIMIT 1),
              'Жұмыс іздеуші, 3 айдан бері тіркеуде', 'submitted', o.id,
              now() - (x.g % 30) * interval '1 day', now() - (x.g % 30) * interval '1 day',
              now() - (x.g % 30) * interval '1 day'
         FROM coded x
         JOIN centres c ON c.k = x.g % ${N.centres}
         JOIN officers o ON o.employment_center_id = c.id
        WHERE pg_temp.iin_check(x.body) IS NOT NULL`,
    ],
  },
  {
    name: 'certificates',
    weight: 6,
    sql: [
      // One per completed enrollment, numbered in issue order within each year, no gaps.
      `INSERT INTO certificates (enrollment_id, number, verification_code, status, file_key, sha256,
                                 issued_at, created_at, updated_at)
       SELECT x.id, 'SHB-' || x.year || '-' || lpad(x.n::text, 5, '0'),
              upper(substr(md5('code' || x.id::text), 1, 16)), 'issued',
              x.year || '/SHB-' || x.year || '-' || lpad(x.n::text, 5, '0') || '.pdf',
              encode(sha256(x.id::text::bytea), 'hex'), x.issued, x.issued, x.issued
         FROM (SELECT e.id, e.status_changed_at AS issued,
                      extract(year FROM e.status_changed_at AT TIME ZONE 'Asia/Almaty')::int AS year,
                      row_number() OVER (PARTITION BY extract(year FROM e.status_changed_at AT TIME ZONE 'Asia/Almaty')
                                         ORDER BY e.status_changed_at, e.id) AS n
                 FROM enrollments e WHERE e.status = 'completed') x`,
      `INSERT INTO certificate_counters (year, last_number)
       SELECT split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
         FROM certificates GROUP BY 1`,
    ],
  },
  {
    name: 'audit log',
    weight: 20,
    sql: [
      `INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, changes)
       SELECT created_at, NULL::uuid, 'staff', 'trainee.created', 'trainee', id::text,
              jsonb_build_object('lastName', last_name, 'firstName', first_name)
         FROM trainees
       UNION ALL
       SELECT created_at, NULL, 'staff', 'group.created', 'group', id::text,
              jsonb_build_object('code', code, 'status', status)
         FROM groups
       UNION ALL
       SELECT created_at, NULL, 'staff', 'enrollment.created', 'enrollment', id::text,
              jsonb_build_object('status', 'active')
         FROM enrollments
       UNION ALL
       SELECT status_changed_at, NULL, 'staff', 'enrollment.' || status, 'enrollment', id::text,
              jsonb_build_object('status', status)
         FROM enrollments WHERE status IN ('completed', 'failed', 'withdrawn')
       UNION ALL
       SELECT issued_at, NULL, 'system', 'certificate.issued', 'certificate', id::text,
              jsonb_build_object('number', number)
         FROM certificates
       UNION ALL
       SELECT created_at, created_by, 'officer', 'referral.created', 'referral', id::text,
              jsonb_build_object('number', number)
         FROM referrals`,
      // One row per marked lesson, as marking a lesson writes.
      `INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, changes)
       SELECT l.ends_at + interval '10 minutes', g.master_id, 'master', 'attendance.marked', 'lesson',
              l.id::text, jsonb_build_object('marks', m.n)
         FROM lessons l JOIN groups g ON g.id = l.group_id
         JOIN (SELECT lesson_id, count(*) AS n FROM attendance_marks GROUP BY lesson_id) m
           ON m.lesson_id = l.id`,
    ],
  },
  {
    name: 'invariants',
    weight: 3,
    // Each query returns the rows that break a rule; the stage fails on any.
    checks: {
      'seat counters match the enrollments': `SELECT g.code FROM groups g LEFT JOIN (
          SELECT group_id, count(*) FILTER (WHERE status = 'active') AS a,
                 count(*) FILTER (WHERE status = 'waitlisted') AS w FROM enrollments GROUP BY 1) c
          ON c.group_id = g.id
         WHERE g.active_count <> coalesce(c.a, 0) OR g.waitlist_count <> coalesce(c.w, 0)`,
      'waitlist positions are 1…n': `SELECT group_id FROM enrollments WHERE status = 'waitlisted'
         GROUP BY group_id HAVING max(waitlist_position) <> count(*) OR min(waitlist_position) <> 1`,
      'certificate numbers are gap-free and the counters at the last': `SELECT c.year FROM
         certificate_counters c JOIN (SELECT split_part(number, '-', 2)::int AS year,
           count(*) AS n, max(split_part(number, '-', 3)::int) AS last FROM certificates GROUP BY 1) x
           ON x.year = c.year
         WHERE x.n <> x.last OR c.last_number <> x.last`,
      'one certificate per completed enrollment': `SELECT e.id FROM enrollments e
         LEFT JOIN certificates c ON c.enrollment_id = e.id
         WHERE (e.status = 'completed') <> (c.id IS NOT NULL)`,
      "no master's unfinished groups overlap": `SELECT master_id FROM groups
         WHERE status IN ('planned', 'open', 'in_progress') AND master_id IS NOT NULL
         GROUP BY master_id HAVING count(*) > 1`,
      "no workshop's unfinished groups overlap": `SELECT workshop_id FROM groups
         WHERE status IN ('planned', 'open', 'in_progress') AND workshop_id IS NOT NULL
         GROUP BY workshop_id HAVING count(*) > 1`,
      'every group fits its workshop, of its craft': `SELECT g.code FROM groups g
         JOIN courses c ON c.id = g.course_id JOIN workshops w ON w.id = g.workshop_id
         WHERE g.capacity > w.workplaces OR c.craft <> w.craft`,
      'no trainee is active in two unfinished groups': `SELECT e.trainee_id FROM enrollments e
         JOIN groups g ON g.id = e.group_id
         WHERE e.status = 'active' AND g.status IN ('open', 'in_progress')
         GROUP BY 1 HAVING count(*) > 1`,
      'every IIN is valid': `SELECT iin FROM trainees
         WHERE pg_temp.iin_check(substr(iin, 1, 11)) IS DISTINCT FROM substr(iin, 12, 1)::int
         UNION ALL SELECT iin FROM referrals
         WHERE pg_temp.iin_check(substr(iin, 1, 11)) IS DISTINCT FROM substr(iin, 12, 1)::int`,
      "a referral's status follows its enrollment": `SELECT r.id FROM referrals r
         JOIN enrollments e ON e.id = r.enrollment_id
         WHERE (r.status = 'completed') <> (e.status = 'completed')
            OR (r.status = 'enrolled' AND e.status NOT IN ('active', 'waitlisted'))`,
    },
    sql: [],
  },
  {
    name: 'statistics',
    weight: 3,
    sql: ['VACUUM (ANALYZE)'],
  },
];

function bar(done, total, label) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${elapsed}s ${label.padEnd(24)}`,
  );
}

const started = Date.now();
const server = new URL(url);
server.pathname = '/postgres';
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();

process.stderr.write(`Migrating ${name}…\n`);
if (!existsSync('dist/libs/database/src/data-source.js')) {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}
execFileSync(
  'node_modules/.bin/typeorm',
  ['-d', 'dist/libs/database/src/data-source.js', 'migration:run'],
  { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: ['ignore', 'ignore', 'inherit'] },
);

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
// Bulk loading: no wait for the disk on each statement, more memory for sorts and indexes.
await client.query(`SET synchronous_commit = off`);
await client.query(`SET work_mem = '256MB'`);
await client.query(`SET maintenance_work_mem = '512MB'`);
const total = STAGES.reduce((sum, stage) => sum + stage.weight, 0);
let done = 0;
for (const stage of STAGES) {
  bar(done, total, stage.name);
  for (const statement of stage.sql) {
    try {
      await client.query(statement);
    } catch (error) {
      process.stderr.write(`\nThe stage "${stage.name}" failed: ${error.message}\n`);
      process.exit(1);
    }
  }
  for (const [rule, query] of Object.entries(stage.checks ?? {})) {
    const broken = await client.query(`${query} LIMIT 5`);
    if (broken.rows.length > 0) {
      process.stderr.write(`\nBroken: ${rule}: ${JSON.stringify(broken.rows)}\n`);
      process.exit(1);
    }
  }
  done += stage.weight;
  bar(done, total, stage.name);
}
process.stderr.write('\n');

const counts = await client.query(`
  SELECT (SELECT count(*) FROM trainees) AS trainees, (SELECT count(*) FROM groups) AS groups,
         (SELECT count(*) FROM groups WHERE status IN ('open','in_progress')) AS unfinished,
         (SELECT count(*) FROM enrollments) AS enrollments, (SELECT count(*) FROM lessons) AS lessons,
         (SELECT count(*) FROM attendance_marks) AS marks, (SELECT count(*) FROM referrals) AS referrals,
         (SELECT count(*) FROM certificates) AS certificates, (SELECT count(*) FROM audit_log) AS audit,
         pg_size_pretty(pg_database_size(current_database())) AS size`);
await client.end();
const row = counts.rows[0];
console.log(
  `${name}: ${Object.entries(row)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
