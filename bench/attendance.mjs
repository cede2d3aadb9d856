// Attendance: marking a full lesson of 8 at 50 connections, and the attendance sheet of a group with
// 8 trainees and 60 lessons, with over 100 000 attendance rows in the database.
//
//   npm run build && node bench/attendance.mjs [--duration 20] [--connections 50] [--groups 220] [--profile]
//
// It creates the database sheber_bench_attendance (dropped first if it exists), starts the built
// API on it, prints the figures and writes bench/results/attendance.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import {
  arg,
  cpuPerRequest,
  freshDatabase,
  insertUser,
  machine,
  signIn,
  startApi,
  summary,
} from './support.mjs';

const DURATION = arg('duration', 20);
const CONNECTIONS = arg('connections', 50);
const GROUPS = arg('groups', 220);
const LESSONS = 60;
const PORT = 3989;
const STATUSES = ['present', 'late', 'absent', 'excused'];

async function prepare() {
  const { url, client } = await freshDatabase('sheber_bench_attendance');
  const masterId = await insertUser(client, 'master@bench.kz', 'master');
  await insertUser(client, 'staff@bench.kz', 'staff');
  const {
    rows: [course],
  } = await client.query(
    `INSERT INTO courses (craft, title, hours) VALUES ('pottery', 'Bench', 72) RETURNING id`,
  );
  await client.query(
    `INSERT INTO groups (code, course_id, master_id, start_date, end_date, schedule, capacity, status)
     SELECT 'A-' || n, $1, $2, current_date - 30, current_date + 30,
            '[{"weekday":1,"startTime":"10:00","endTime":"12:00"}]', 8, 'in_progress'
       FROM generate_series(1, $3) AS n`,
    [course.id, masterId, GROUPS],
  );
  await client.query(
    `INSERT INTO trainees (iin, last_name, first_name, search_name, birth_date, sex, consent, consent_at)
     SELECT lpad(n::text, 12, '0'), 'Bench', 'Trainee ' || n, 'bench trainee ' || n, '1990-01-01', 'female', true, now()
       FROM generate_series(1, $1) AS n`,
    [GROUPS * 8],
  );
  await client.query(
    `INSERT INTO enrollments (trainee_id, group_id, status)
     SELECT t.id, g.id, 'active'
       FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM trainees) t
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM groups) g ON g.n = t.n / 8`,
  );
  // 60 lessons a group, all started within the last few hours, so the master may mark them.
  await client.query(
    `INSERT INTO lessons (group_id, date, start_time, end_time, starts_at, ends_at)
     SELECT g.id, (now() AT TIME ZONE 'Asia/Almaty')::date, '10:00', '12:00',
            now() - (k || ' minutes')::interval, now() - (k || ' minutes')::interval + interval '1 hour'
       FROM groups g CROSS JOIN generate_series(1, ${LESSONS}) AS k`,
  );
  await client.query(
    `INSERT INTO attendance_marks (lesson_id, enrollment_id, status)
     SELECT l.id, e.id, (ARRAY['present','present','present','late','absent','excused'])[1 + floor(random() * 6)::int]
       FROM lessons l JOIN enrollments e ON e.group_id = l.group_id`,
  );
  // Start from a settled database: the bulk load's checkpoint is not the measured code's work.
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
  const {
    rows: [{ n: marks }],
  } = await client.query('SELECT count(*)::int AS n FROM attendance_marks');
  const lessons = (
    await client.query(
      `SELECT l.id, array_agg(e.id ORDER BY e.id) AS enrollments
         FROM lessons l JOIN enrollments e ON e.group_id = l.group_id GROUP BY l.id`,
    )
  ).rows;
  const groupIds = (await client.query('SELECT id FROM groups')).rows.map((r) => r.id);
  await client.end();
  return { url, marks, lessons, groupIds };
}

async function markLessons(token, lessons, seconds) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          const lesson = lessons[next % lessons.length];
          next += 1;
          const marks = lesson.enrollments.map((enrollmentId, i) => ({
            enrollmentId,
            status: STATUSES[(next + i) % STATUSES.length],
          }));
          return {
            ...request,
            path: `/api/lessons/${lesson.id}/attendance`,
            body: JSON.stringify({ marks }),
          };
        },
      },
    ],
  });
  return summary(result);
}

async function readSheets(token, groupIds, connections, seconds) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          next += 1;
          return {
            ...request,
            path: `/api/groups/${groupIds[next % groupIds.length]}/attendance?format=json`,
          };
        },
      },
    ],
  });
  return summary(result);
}

const { url, marks, lessons, groupIds } = await prepare();
const api = await startApi(url, PORT);
try {
  const master = await signIn(PORT, 'master@bench.kz');
  const staff = await signIn(PORT, 'staff@bench.kz');
  await markLessons(master, lessons, 3); // warm-up
  const { result: marking, cpuMsPerRequest } = await cpuPerRequest(
    { apiPid: api.pid, database: 'sheber_bench_attendance' },
    () => markLessons(master, lessons, DURATION),
  );
  const sheetOne = await readSheets(staff, groupIds, 1, Math.min(DURATION, 10));
  const sheetTen = await readSheets(staff, groupIds, 10, Math.min(DURATION, 10));
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    attendanceRows: marks,
    lessonsPerGroup: LESSONS,
    marking: { connections: CONNECTIONS, ...marking, cpuMsPerRequest },
    sheet: { oneConnection: sheetOne, tenConnections: sheetTen },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/attendance.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  api.kill('SIGTERM');
}
