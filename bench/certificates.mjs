// Certificates issued per second by the built worker, with one and with two worker processes,
// against a bare loop that only renders the same PDF with the product's renderer in one process.
//
//   npm run build && node bench/certificates.mjs [--count 1000] [--parts 5] [--runs 3] [--profile]
//
// It creates the database sheber_bench_certificates (dropped first if it exists) with `count`
// completed enrollments and their pending certificates (written by SQL: the setup is not measured).
// Each run starts one pool of one worker and one pool of two (each on a queue of its own), warms
// all three up, then issues the batch of `count` certificates with each pool and renders `count`
// in the bare loop, in `parts` parts taken in turn: bare, one, two, then the next part in a
// rotated order. A shared machine's speed drifts from one minute to the next, so each comparison
// is made within seconds. A part is timed from queueing its jobs until PostgreSQL says all its
// certificates are issued. Results go to bench/results/certificates.json; `--profile` writes CPU
// profiles of the workers there.
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  arg,
  BENCH_CERTIFICATE,
  backendCpuSeconds,
  backendCpuSince,
  cpuSecondsOf,
  freshDatabase,
  machine,
  median,
  memoryOf,
} from './support.mjs';

const require = createRequire(import.meta.url);
const { Queue } = require('bullmq');
const {
  loadCertificateFonts,
  renderCertificatePdf,
} = require('../dist/libs/certificates/src/render/certificate-pdf.js');
const {
  CERTIFICATE_QUEUE,
  ISSUE_CERTIFICATE_JOB,
  certificateJobId,
} = require('../dist/libs/queues/src/queues.js');

const COUNT = arg('count', 1000);
const PARTS = arg('parts', 5);
const RUNS = arg('runs', 3);
/** Renders before timing: the bare loop's warm-up, and as many per worker. */
const WARM_UP = 50;
const DATABASE = 'sheber_bench_certificates';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function prepare() {
  const { url, client } = await freshDatabase(DATABASE);
  const [{ id: masterId }] = (
    await client.query(
      `INSERT INTO users (email, full_name, role, password_hash)
       VALUES ('master@bench.kz', 'Ержан Сәрсенбайұлы Қасымов', 'master', 'x') RETURNING id`,
    )
  ).rows;
  const [{ id: courseId }] = (
    await client.query(
      `INSERT INTO courses (craft, title, hours) VALUES ('pottery', 'Қыш құмыра жасау негіздері', 72) RETURNING id`,
    )
  ).rows;
  await client.query(
    `INSERT INTO groups (code, course_id, master_id, start_date, end_date, schedule, capacity, status)
     SELECT 'C-' || n, $1, $2, '2026-09-01', '2026-12-20',
            '[{"weekday":1,"startTime":"10:00","endTime":"13:00"}]', 8, 'completed'
       FROM generate_series(1, $3) AS n`,
    [courseId, masterId, Math.ceil(COUNT / 8)],
  );
  await client.query(
    `INSERT INTO trainees (iin, last_name, first_name, patronymic, search_name, birth_date, sex, consent, consent_at)
     SELECT lpad(n::text, 12, '0'), 'Әбілқасымова', 'Гүлжан', 'Нұрланқызы', 'bench ' || n, '1990-01-01', 'female', true, now()
       FROM generate_series(1, $1) AS n`,
    [COUNT],
  );
  await client.query(
    `INSERT INTO enrollments (trainee_id, group_id, status)
     SELECT t.id, g.id, 'completed'
       FROM (SELECT id, row_number() OVER (ORDER BY iin) - 1 AS i FROM trainees) t
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS j FROM groups) g ON g.j = t.i / 8`,
  );
  const year = new Date().getFullYear();
  await client.query(
    `INSERT INTO certificates (enrollment_id, number, verification_code, status)
     SELECT id, 'SHB-' || $1 || '-' || lpad((row_number() OVER (ORDER BY id))::text, 5, '0'),
            upper(substr(md5(id::text), 1, 16)), 'pending'
       FROM enrollments`,
    [year],
  );
  await client.query('INSERT INTO certificate_counters (year, last_number) VALUES ($1, $2)', [
    year,
    COUNT,
  ]);
  // Start from a settled database: the bulk load's checkpoint is not the measured code's work.
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
  const ids = (await client.query('SELECT id FROM certificates ORDER BY number')).rows.map(
    (r) => r.id,
  );
  return { url, client, ids };
}

/** These certificates back to pending, as the worker finds them after completion. */
const setPending = (client, ids) =>
  client.query(
    `UPDATE certificates SET status = 'pending', file_key = NULL, sha256 = NULL, issued_at = NULL,
            updated_at = now()
      WHERE id = ANY($1)`,
    [ids],
  );

/** The same document the worker renders, in a loop in this process: the ceiling for one core. */
function bareLoop() {
  const fonts = loadCertificateFonts();
  return async (count) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await renderCertificatePdf(BENCH_CERTIFICATE, fonts);
    const used = process.cpuUsage(cpu);
    return {
      seconds: (performance.now() - started) / 1000,
      cpuMs: (used.user + used.system) / 1000,
    };
  };
}

/** A built worker whose output goes to a file, as under a service manager (not read as it runs). */
function startWorker(url, prefix, storage, name, logs) {
  const profile = process.argv.includes('--profile')
    ? ['--cpu-prof', '--cpu-prof-dir=bench/results', `--cpu-prof-name=worker-${name}.cpuprofile`]
    : [];
  const log = path.join(logs, `${name}.log`);
  const child = spawn(process.execPath, [...profile, 'dist/apps/worker/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      CERTIFICATE_STORAGE_DIR: storage,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', openSync(log, 'w'), 'inherit'],
  });
  const output = () => readFileSync(log, 'utf8');
  const ready = (async () => {
    for (;;) {
      if (output().includes('Worker ready')) return;
      if (child.exitCode !== null) throw new Error(`worker exited:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, ready, exited, renders: () => output().split('certificate rendered').length - 1 };
}

/** CPU seconds of the Redis server, which serves both pools. */
function redisCpuSeconds() {
  const pid = execFileSync('pgrep', ['-o', '-x', 'redis-server']).toString().trim();
  return cpuSecondsOf(pid);
}

/** `workers` worker processes on a queue of their own. */
function startPool(url, workers, run, logs) {
  const prefix = `sheber_bench_certificates_${process.pid}_${run}_${workers}`;
  // Beside the default storage (var/certificates), on the project's disk, so a file costs what the
  // product's files cost: /tmp may be another file system, where creating a file costs more.
  mkdirSync('var', { recursive: true });
  const storage = mkdtempSync(path.join('var', 'bench-certificates-'));
  const processes = Array.from({ length: workers }, (_, i) =>
    startWorker(url, prefix, storage, `${run}-${workers}-${i}`, logs),
  );
  const queue = new Queue(CERTIFICATE_QUEUE, {
    connection: { url: REDIS_URL },
    prefix: `${prefix}:bull`,
  });
  return {
    processes,
    queue,
    ready: () => Promise.all(processes.map((p) => p.ready)),
    renders: () => processes.reduce((sum, p) => sum + p.renders(), 0),
    cpuSeconds: () => processes.reduce((sum, p) => sum + cpuSecondsOf(p.child.pid), 0),
    async stop() {
      for (const p of processes) p.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
      await queue.obliterate({ force: true });
      await queue.close();
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

/** Queues one job per certificate and waits until PostgreSQL says every one is issued. */
async function issue(client, pool, ids) {
  const issuedBefore = await issuedCount(client);
  await pool.queue.addBulk(
    ids.map((certificateId) => ({
      name: ISSUE_CERTIFICATE_JOB,
      data: { certificateId },
      opts: {
        jobId: certificateJobId(certificateId),
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    })),
  );
  // A cheap question, asked every 20 ms while the workers run (a prepared count of the issued
  // certificates), until the count has grown by the batch.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if ((await issuedCount(client)) === issuedBefore + ids.length) return;
    if (Date.now() > deadline) throw new Error('certificates still not issued after two minutes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const issuedCount = async (client) =>
  (
    await client.query({
      name: 'issued_count',
      text: `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`,
    })
  ).rows[0].n;

/** One part of a pool's batch: its certificates pending again, issued, timed, CPU counted. */
async function issuePart(client, pool, ids) {
  await setPending(client, ids);
  const cpu = pool.cpuSeconds();
  const backends = backendCpuSeconds(DATABASE);
  const redis = redisCpuSeconds();
  const started = performance.now();
  await issue(client, pool, ids);
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    cpuMs: 1000 * (pool.cpuSeconds() - cpu),
    postgresCpuMs: 1000 * backendCpuSince(backends, DATABASE),
    redisCpuMs: 1000 * (redisCpuSeconds() - redis),
  };
}

const total = (parts, key) => parts.reduce((sum, p) => sum + p[key], 0);

async function oneRun(client, url, ids, run, logs) {
  const bare = bareLoop();
  const pools = { one: startPool(url, 1, run, logs), two: startPool(url, 2, run, logs) };
  try {
    await Promise.all(Object.values(pools).map((p) => p.ready()));
    await setPending(client, ids);
    // Warm-up, as the bare loop has one: a running worker has its code compiled already.
    await bare(WARM_UP);
    await issue(client, pools.one, ids.slice(0, WARM_UP));
    await setPending(client, ids.slice(0, 2 * WARM_UP));
    await issue(client, pools.two, ids.slice(0, 2 * WARM_UP));
    const rendersBefore = { one: pools.one.renders(), two: pools.two.renders() };
    const parts = { bare: [], one: [], two: [] };
    const size = Math.ceil(ids.length / PARTS);
    for (let part = 0; part < PARTS; part += 1) {
      const slice = ids.slice(part * size, (part + 1) * size);
      const order = ['bare', 'one', 'two'];
      for (let i = 0; i < part % 3; i += 1) order.push(order.shift());
      for (const kind of order) {
        parts[kind].push(
          kind === 'bare' ? await bare(slice.length) : await issuePart(client, pools[kind], slice),
        );
      }
    }
    const result = {};
    // Each worker's memory after its pool's batch (and the warm-up): now, and the most it held.
    const memory = Object.fromEntries(
      ['one', 'two'].map((kind) => [kind, pools[kind].processes.map((p) => memoryOf(p.child.pid))]),
    );
    for (const kind of ['bare', 'one', 'two']) {
      result[kind] = {
        perSecond: ids.length / total(parts[kind], 'seconds'),
        cpuMsPerCertificate: total(parts[kind], 'cpuMs') / ids.length,
      };
      if (kind !== 'bare') {
        result[kind].postgresCpuMsPerCertificate = total(parts[kind], 'postgresCpuMs') / ids.length;
        result[kind].redisCpuMsPerCertificate = total(parts[kind], 'redisCpuMs') / ids.length;
        result[kind].renders = pools[kind].renders() - rendersBefore[kind];
        result[kind].workerRssMb = Math.max(...memory[kind].map((m) => m.rss));
        result[kind].workerPeakRssMb = Math.max(...memory[kind].map((m) => m.peak));
      }
    }
    return result;
  } finally {
    await Promise.all(Object.values(pools).map((p) => p.stop()));
  }
}

const { url, client, ids } = await prepare();
mkdirSync('var', { recursive: true });
const logs = mkdtempSync(path.join('var', 'bench-certificates-logs-'));
try {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = await oneRun(client, url, ids, run, logs);
    runs.push({
      ...result,
      oneOverBare: result.one.perSecond / result.bare.perSecond,
      twoOverOne: result.two.perSecond / result.one.perSecond,
    });
    const r = runs.at(-1);
    console.log(
      `run ${run + 1}: ` +
        ['bare', 'one', 'two']
          .map(
            (k) =>
              `${k} ${r[k].perSecond.toFixed(0)}/s (${r[k].cpuMsPerCertificate.toFixed(1)} ms CPU each)`,
          )
          .join(', ') +
        `; one/bare ${r.oneOverBare.toFixed(2)}, two/one ${r.twoOverOne.toFixed(2)}` +
        `; worker RSS after (peak): one ${r.one.workerRssMb.toFixed(0)} (${r.one.workerPeakRssMb.toFixed(0)}) MB,` +
        ` two ${r.two.workerRssMb.toFixed(0)} (${r.two.workerPeakRssMb.toFixed(0)}) MB each at most`,
    );
  }
  const med = (pick) => median(runs.map(pick));
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    count: COUNT,
    parts: PARTS,
    median: {
      bareLoopPerSecond: med((r) => r.bare.perSecond),
      oneWorkerPerSecond: med((r) => r.one.perSecond),
      twoWorkersPerSecond: med((r) => r.two.perSecond),
      oneWorkerOverBare: med((r) => r.oneOverBare),
      twoWorkersOverOne: med((r) => r.twoOverOne),
      bareLoopCpuMs: med((r) => r.bare.cpuMsPerCertificate),
      oneWorkerCpuMs: med((r) => r.one.cpuMsPerCertificate),
      twoWorkersCpuMs: med((r) => r.two.cpuMsPerCertificate),
      postgresCpuMs: med((r) => r.two.postgresCpuMsPerCertificate),
      redisCpuMs: med((r) => r.two.redisCpuMsPerCertificate),
      oneWorkerRssMb: med((r) => r.one.workerRssMb),
      oneWorkerPeakRssMb: med((r) => r.one.workerPeakRssMb),
      twoWorkersRssMb: med((r) => r.two.workerRssMb),
      twoWorkersPeakRssMb: med((r) => r.two.workerPeakRssMb),
    },
    runs,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/certificates.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.median, null, 2));
} finally {
  await client.end();
  rmSync(logs, { recursive: true, force: true });
}
