// Enrollment throughput over HTTP (autocannon, 50 connections, many groups) against pgbench running
// the bare lock-count-insert transaction at the same concurrency on the same PostgreSQL, and
// pgbench running the API's own statement (enroll_trainee) for the database's share of the cost.
//
//   npm run build && node bench/enroll.mjs [--duration 15] [--rounds 3] [--connections 50] [--groups 400] [--profile]
//
// It creates the database sheber_bench (dropped first if it exists) with last year's completed
// groups as history, starts the built API on it, runs `rounds` rounds of HTTP then bare pgbench,
// then the function under pgbench, with the CPU each process used per request, prints the figures
// and writes bench/results/enroll.json.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  arg,
  backendCpuSeconds,
  backendCpuSince,
  cpuPerRequest,
  cpuSecondsOf,
  freshDatabase,
  insertUser,
  machine,
  median,
  signIn,
  startApi,
  summary,
} from './support.mjs';

const DURATION = arg('duration', 15);
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 50);
const GROUPS = arg('groups', 400);
/** Fresh trainees for the warm-up and for each round over HTTP; pgbench takes 100 000 from the end. */
const WARM_UP_TRAINEES = 20_000;
const TRAINEES_PER_ROUND = 60_000;
const TRAINEES = WARM_UP_TRAINEES + ROUNDS * TRAINEES_PER_ROUND + 100_000;
/** Last year's completed groups of 8: the history the measured enrollments join. */
const HISTORY_GROUPS = 2_500;
const PORT = 3990;

async function prepare() {
  const { url, client } = await freshDatabase('sheber_bench');
  const actorId = await insertUser(client, 'bench@sheber.kz', 'staff');
  const [{ id: courseId }] = (
    await client.query(
      `INSERT INTO courses (craft, title, hours) VALUES ('pottery', 'Bench', 72) RETURNING id`,
    )
  ).rows;
  /** `count` groups of 8 on Sundays, coded `prefix-1` … */
  const insertGroups = (prefix, year, status, count) =>
    client.query(
      `INSERT INTO groups (code, course_id, start_date, end_date, schedule, capacity, status)
       SELECT $1 || '-' || n, $2, make_date($3, 9, 1), make_date($3, 12, 31),
              '[{"weekday":7,"startTime":"10:00","endTime":"12:00"}]', 8, $4
         FROM generate_series(1, $5) AS n`,
      [prefix, courseId, year, status, count],
    );
  // Each request enrolls a new trainee, so most go to the waitlist.
  await insertGroups('B', 2026, 'open', GROUPS);
  await client.query(
    `INSERT INTO trainees (iin, last_name, first_name, search_name, birth_date, sex, consent, consent_at)
     SELECT lpad(n::text, 12, '0'), 'Bench', 'Trainee ' || n, 'bench trainee ' || n, '1990-01-01', 'female', true, now()
       FROM generate_series(1, $1) AS n`,
    [TRAINEES],
  );
  // The centre's history: last year's groups, completed, with their enrollments and audit rows,
  // so that the measured run meets tables of a working centre, analysed as such, not empty ones.
  await insertGroups('P', 2025, 'completed', HISTORY_GROUPS);
  await client.query(
    `WITH past AS (
       INSERT INTO enrollments (trainee_id, group_id, status)
       SELECT t.id, g.id, 'completed'
         FROM (SELECT id, row_number() OVER (ORDER BY iin) - 1 AS i FROM trainees) t
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS j FROM groups WHERE code LIKE 'P-%') g
           ON g.j = t.i / 8
       RETURNING id, trainee_id, group_id)
     INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, at)
     SELECT $1, 'staff', 'enroll', 'enrollment', id,
            jsonb_build_object('traineeId', trainee_id, 'groupId', group_id, 'status', 'active'),
            '2025-08-20'
       FROM past`,
    [actorId],
  );
  // pgbench's own tables: the bare lock-count-insert on integer keys.
  await client.query(`
    CREATE TABLE pgb_groups (id int PRIMARY KEY, capacity int NOT NULL);
    CREATE TABLE pgb_enrollments (id bigserial PRIMARY KEY, group_id int NOT NULL, trainee int NOT NULL, status text NOT NULL);
    CREATE INDEX ON pgb_enrollments (group_id, status);
    INSERT INTO pgb_groups SELECT n, 8 FROM generate_series(1, ${GROUPS}) n;
  `);
  // For pgbench running the product's own statement: groups and trainees by number. Its trainees
  // are taken from the end, the HTTP run's from the start, so the two never meet.
  await client.query(`
    CREATE TABLE pgb_group_ids AS SELECT row_number() OVER (ORDER BY code) AS n, id FROM groups WHERE code LIKE 'B-%';
    CREATE UNIQUE INDEX ON pgb_group_ids (n);
    CREATE TABLE pgb_trainee_ids AS
      SELECT row_number() OVER (ORDER BY iin DESC) AS n, id FROM trainees ORDER BY iin DESC LIMIT 100000;
    CREATE UNIQUE INDEX ON pgb_trainee_ids (n);
    CREATE SEQUENCE pgb_next_trainee;
  `);
  // Start from a settled database: the bulk load's checkpoint is not the measured code's work.
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
  const groupIds = (await client.query("SELECT id FROM groups WHERE code LIKE 'B-%'")).rows.map(
    (r) => r.id,
  );
  const traineeIds = (await client.query('SELECT id FROM trainees ORDER BY iin')).rows.map(
    (r) => r.id,
  );
  await client.end();
  return { url, actorId, groupIds, traineeIds };
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

/** Runs a pgbench script at the benchmark's concurrency; CPU of the backends counted mid-run. */
async function runPgbench(url, name, script, seconds) {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/enroll.${name}.sql`;
  writeFileSync(file, script);
  const server = new URL(url);
  const database = server.pathname.slice(1);
  const child = spawn('pgbench', [
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
    file,
    '-h',
    server.hostname,
    '-p',
    server.port || '5432',
    '-U',
    server.username || 'postgres',
    database,
  ]);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Backends exit with pgbench, taking their counters along: read them from 1 s to 1 s before the end.
  await sleep(1000);
  const before = { backends: backendCpuSeconds(database), client: cpuSecondsOf(child.pid) };
  const sampled = performance.now();
  await sleep((seconds - 2) * 1000);
  const backends = backendCpuSince(before.backends, database);
  const client = cpuSecondsOf(child.pid) - before.client;
  const sampleSeconds = (performance.now() - sampled) / 1000;
  await exited;
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
  if (!tps) throw new Error(`pgbench failed:\n${output}`);
  const perTransaction = (cpu) => Number(((1000 * cpu) / (tps * sampleSeconds)).toFixed(3));
  return {
    tps,
    latencyAverageMs: Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]),
    cpuMsPerTransaction: { postgres: perTransaction(backends), pgbench: perTransaction(client) },
  };
}

/** The bare lock-count-insert transaction on pgbench's own integer-keyed tables. */
const BARE_SCRIPT = `\\set g random(1, ${GROUPS})
\\set t random(1, 1000000000)
BEGIN;
SELECT id FROM pgb_groups WHERE id = :g FOR UPDATE;
SELECT count(*) FROM pgb_enrollments WHERE group_id = :g AND status = 'active';
INSERT INTO pgb_enrollments (group_id, trainee, status) VALUES (:g, :t, 'waitlisted');
COMMIT;
`;

/**
 * The statement the API runs (enroll_trainee, with the audit row and every check), on fresh
 * trainees in random groups: what PostgreSQL alone can do, the ceiling of the HTTP figure. The
 * trainee comes from a sequence, one extra statement per transaction.
 */
function functionScript(actorId) {
  return `\\set g random(1, ${GROUPS})
SELECT nextval('pgb_next_trainee') AS n \\gset
SELECT out_id FROM enroll_trainee((SELECT id FROM pgb_group_ids WHERE n = :g), (SELECT id FROM pgb_trainee_ids WHERE n = :n), '{open,in_progress}', '${actorId}', 'staff', NULL);
`;
}

const { url, actorId, groupIds, traineeIds } = await prepare();
const api = await startApi(url, PORT);
try {
  const accessToken = await signIn(PORT, 'bench@sheber.kz');
  // Warm up connections and code paths, and touch the pages once after the load's checkpoint;
  // then measure on fresh trainees.
  await runAutocannon(accessToken, groupIds, traineeIds.slice(0, WARM_UP_TRAINEES), 5);
  // HTTP and the bare transaction take turns, so that each ratio compares two runs a few seconds
  // apart: on this shared VM the same load varies by a third from minute to minute.
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const trainees = traineeIds.slice(
      WARM_UP_TRAINEES + round * TRAINEES_PER_ROUND,
      WARM_UP_TRAINEES + (round + 1) * TRAINEES_PER_ROUND,
    );
    const { result: http, cpuMsPerRequest } = await cpuPerRequest(
      { apiPid: api.pid, database: 'sheber_bench' },
      () => runAutocannon(accessToken, groupIds, trainees, DURATION),
    );
    const bare = await runPgbench(url, 'bare', BARE_SCRIPT, DURATION);
    rounds.push({
      http: { ...http, cpuMsPerRequest },
      pgbench: bare,
      ratio: http.requestsPerSecond / bare.tps,
    });
    console.error(
      `round ${round + 1}: API ${http.requestsPerSecond} req/s (p99 ${http.p99} ms), bare ${bare.tps.toFixed(0)} tps, ratio ${(http.requestsPerSecond / bare.tps).toFixed(2)}`,
    );
  }
  const pgbenchFunction = await runPgbench(url, 'function', functionScript(actorId), DURATION);
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
    rounds,
    pgbenchFunction,
    medianRatio: median(rounds.map((r) => r.ratio)),
    worstP99: Math.max(...rounds.map((r) => r.http.p99)),
    ratioToFunction: median(rounds.map((r) => r.http.requestsPerSecond)) / pgbenchFunction.tps,
    groupsOverCapacity: over.rows[0].n,
  };
  writeFileSync('bench/results/enroll.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  api.kill('SIGTERM');
}
