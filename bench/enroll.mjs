// Enrollment throughput over HTTP (autocannon, 50 connections, many groups) against pgbench running
// the bare lock-count-insert transaction at the same concurrency on the same PostgreSQL.
//
//   npm run build && node bench/enroll.mjs [--duration 20] [--connections 50] [--groups 400] [--profile]
//
// It creates the database sheber_bench (dropped first if it exists), starts the built API on it,
// runs both loads one after the other, prints the figures and writes bench/results/enroll.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { arg, freshDatabase, insertUser, machine, signIn, startApi, summary } from './support.mjs';

const DURATION = arg('duration', 20);
const CONNECTIONS = arg('connections', 50);
const GROUPS = arg('groups', 400);
const TRAINEES = 200_000;
const PORT = 3990;

async function prepare() {
  const { url, client } = await freshDatabase('sheber_bench');
  await insertUser(client, 'bench@sheber.kz', 'staff');
  const [{ id: courseId }] = (
    await client.query(
      `INSERT INTO courses (craft, title, hours) VALUES ('pottery', 'Bench', 72) RETURNING id`,
    )
  ).rows;
  // Groups of 8 on Sundays; each request enrolls a new trainee, so most go to the waitlist.
  await client.query(
    `INSERT INTO groups (code, course_id, start_date, end_date, schedule, capacity, status)
     SELECT 'B-' || n, $1, '2026-09-01', '2026-12-31',
            '[{"weekday":7,"startTime":"10:00","endTime":"12:00"}]', 8, 'open'
       FROM generate_series(1, $2) AS n`,
    [courseId, GROUPS],
  );
  await client.query(
    `INSERT INTO trainees (iin, last_name, first_name, search_name, birth_date, sex, consent, consent_at)
     SELECT lpad(n::text, 12, '0'), 'Bench', 'Trainee ' || n, 'bench trainee ' || n, '1990-01-01', 'female', true, now()
       FROM generate_series(1, $1) AS n`,
    [TRAINEES],
  );
  // pgbench's own tables: the bare lock-count-insert on integer keys.
  await client.query(`
    CREATE TABLE pgb_groups (id int PRIMARY KEY, capacity int NOT NULL);
    CREATE TABLE pgb_enrollments (id bigserial PRIMARY KEY, group_id int NOT NULL, trainee int NOT NULL, status text NOT NULL);
    CREATE INDEX ON pgb_enrollments (group_id, status);
    INSERT INTO pgb_groups SELECT n, 8 FROM generate_series(1, ${GROUPS}) n;
  `);
  // Start from a settled database: the bulk load's checkpoint is not the measured code's work.
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
  const groupIds = (await client.query('SELECT id FROM groups')).rows.map((r) => r.id);
  const traineeIds = (await client.query('SELECT id FROM trainees')).rows.map((r) => r.id);
  await client.end();
  return { url, groupIds, traineeIds };
}

async function runAutocannon(token, groupIds, traineeIds, seconds) {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => {
          const traineeId = traineeIds[next % traineeIds.length];
          const groupId = groupIds[next % groupIds.length];
          next += 1;
          return {
            ...request,
            path: `/api/groups/${groupId}/enrollments`,
            body: JSON.stringify({ traineeId }),
          };
        },
      },
    ],
  });
  return summary(result);
}

function runPgbench(url, seconds) {
  const script = `\\set g random(1, ${GROUPS})
\\set t random(1, 1000000000)
BEGIN;
SELECT id FROM pgb_groups WHERE id = :g FOR UPDATE;
SELECT count(*) FROM pgb_enrollments WHERE group_id = :g AND status = 'active';
INSERT INTO pgb_enrollments (group_id, trainee, status) VALUES (:g, :t, 'waitlisted');
COMMIT;
`;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/enroll.pgbench.sql', script);
  const server = new URL(url);
  const output = execFileSync(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(CONNECTIONS),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      'bench/results/enroll.pgbench.sql',
      '-h',
      server.hostname,
      '-p',
      server.port || '5432',
      '-U',
      server.username || 'postgres',
      server.pathname.slice(1),
    ],
    { encoding: 'utf8' },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  return { tps, latencyAverageMs: latency };
}

const { url, groupIds, traineeIds } = await prepare();
const api = await startApi(url, PORT);
try {
  const accessToken = await signIn(PORT, 'bench@sheber.kz');
  // Warm up connections and code paths, then measure on fresh trainees.
  await runAutocannon(accessToken, groupIds, traineeIds.slice(0, 20_000), 3);
  const http = await runAutocannon(accessToken, groupIds, traineeIds.slice(20_000), DURATION);
  const pgbench = runPgbench(url, DURATION);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const over = await client.query(
    `SELECT count(*)::int AS n FROM groups g
      WHERE (SELECT count(*) FROM enrollments e WHERE e.group_id = g.id AND e.status = 'active') > g.capacity`,
  );
  await client.end();
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    groups: GROUPS,
    http,
    pgbench,
    ratio: http.requestsPerSecond / pgbench.tps,
    groupsOverCapacity: over.rows[0].n,
  };
  writeFileSync('bench/results/enroll.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  api.kill('SIGTERM');
}
