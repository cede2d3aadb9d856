// Certificates issued per second by the built worker, for a batch of pending certificates, with
// one and with two worker processes, against a bare loop that only renders the same PDF with the
// product's renderer in one process.
//
//   npm run build && node bench/certificates.mjs [--count 1000] [--runs 3] [--profile]
//
// It creates the database sheber_bench_certificates (dropped first if it exists) with `count`
// completed enrollments and their pending certificates (written by SQL: the setup is not measured),
// then for each run: resets them to pending, starts the workers, queues one job per certificate
// and times until the database says all are issued. Results go to bench/results/certificates.json;
// `--profile` writes CPU profiles of the workers there.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { arg, cpuSecondsOf, freshDatabase, machine, median } from './support.mjs';

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
const RUNS = arg('runs', 3);
/** Renders before timing: the bare loop's warm-up, and as many per worker. */
const WARM_UP = 50;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function prepare() {
  const { url, client } = await freshDatabase('sheber_bench_certificates');
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

/** Every certificate back to pending, as the worker finds them after completion. */
const setAllPending = (client) =>
  client.query(
    `UPDATE certificates SET status = 'pending', file_key = NULL, sha256 = NULL, issued_at = NULL, updated_at = now()`,
  );

/** The same document the worker renders, in a loop in this process: the ceiling for one core. */
async function bareLoop(count) {
  const fonts = loadCertificateFonts();
  const data = {
    number: 'SHB-2026-00001',
    holder: 'Әбілқасымова Гүлжан Нұрланқызы',
    courseTitle: 'Қыш құмыра жасау негіздері',
    craft: { kk: 'Құмырашылық', ru: 'Гончарное дело' },
    hours: 72,
    startDate: '2026-09-01',
    endDate: '2026-12-20',
    master: 'Ержан Сәрсенбайұлы Қасымов',
    issueDate: '2026-12-21',
    verificationUrl: 'http://localhost:3000/verify/0123456789ABCDEF',
  };
  for (let i = 0; i < WARM_UP; i += 1) await renderCertificatePdf(data, fonts);
  const load = os.loadavg()[0];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await renderCertificatePdf(data, fonts);
  const used = process.cpuUsage(cpu);
  return {
    perSecond: count / ((performance.now() - started) / 1000),
    cpuMsPerCertificate: (used.user + used.system) / 1000 / count,
    loadBefore: load,
  };
}

function startWorker(url, prefix, storage, index) {
  const profile = process.argv.includes('--profile')
    ? ['--cpu-prof', '--cpu-prof-dir=bench/results', `--cpu-prof-name=worker-${index}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, 'dist/apps/worker/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      CERTIFICATE_STORAGE_DIR: storage,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  const ready = new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Worker ready')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`worker exited:\n${output}`));
      }
    }, 20);
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, ready, exited, renders: () => output.split('certificate rendered').length - 1 };
}

/** One timed batch: every certificate pending again, `workers` fresh workers, all jobs queued. */
async function issueBatch(client, url, ids, workers, run) {
  await setAllPending(client);
  const prefix = `sheber_bench_certificates_${process.pid}_${workers}_${run}`;
  const storage = mkdtempSync(path.join(os.tmpdir(), 'sheber-bench-certificates-'));
  const processes = Array.from({ length: workers }, (_, i) =>
    startWorker(url, prefix, storage, `${workers}-${run}-${i}`),
  );
  const queue = new Queue(CERTIFICATE_QUEUE, {
    connection: { url: REDIS_URL },
    prefix: `${prefix}:bull`,
  });
  const issueAll = async (batch) => {
    await queue.addBulk(
      batch.map((certificateId) => ({
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
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued'`,
      );
      if (rows[0].n === batch.length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    await Promise.all(processes.map((p) => p.ready));
    // Warm-up, as the bare loop has one: a running worker has its code compiled already.
    const warmUp = ids.slice(0, WARM_UP * workers);
    await issueAll(warmUp);
    await setAllPending(client);
    const rendersBefore = processes.map((p) => p.renders());
    const load = os.loadavg()[0];
    const cpuBefore = processes.map((p) => 1000 * cpuSecondsOf(p.child.pid));
    const started = performance.now();
    await issueAll(ids);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = processes.reduce(
      (sum, p, i) => sum + 1000 * cpuSecondsOf(p.child.pid) - cpuBefore[i],
      0,
    );
    return {
      perSecond: ids.length / seconds,
      seconds,
      cpuMsPerCertificate: cpuMs / ids.length,
      loadBefore: load,
      rendersPerWorker: processes.map((p, i) => p.renders() - rendersBefore[i]),
    };
  } finally {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await queue.obliterate({ force: true });
    await queue.close();
    rmSync(storage, { recursive: true, force: true });
  }
}

const { url, client, ids } = await prepare();
try {
  const runs = { bare: [], one: [], two: [] };
  for (let run = 0; run < RUNS; run += 1) {
    runs.bare.push(await bareLoop(COUNT));
    runs.one.push(await issueBatch(client, url, ids, 1, run));
    runs.two.push(await issueBatch(client, url, ids, 2, run));
    console.log(
      [
        `run ${run + 1} (load ${os.loadavg()[0].toFixed(1)}):`,
        ...['bare', 'one', 'two'].map(
          (k) =>
            `${k} ${runs[k][run].perSecond.toFixed(0)}/s (${runs[k][run].cpuMsPerCertificate.toFixed(1)} ms CPU each)`,
        ),
      ].join(' '),
    );
  }
  const bare = median(runs.bare.map((r) => r.perSecond));
  const one = median(runs.one.map((r) => r.perSecond));
  const two = median(runs.two.map((r) => r.perSecond));
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    count: COUNT,
    median: {
      bareLoopCpuMs: median(runs.bare.map((r) => r.cpuMsPerCertificate)),
      oneWorkerCpuMs: median(runs.one.map((r) => r.cpuMsPerCertificate)),
      twoWorkersCpuMs: median(runs.two.map((r) => r.cpuMsPerCertificate)),
      bareLoopPerSecond: bare,
      oneWorkerPerSecond: one,
      twoWorkersPerSecond: two,
      oneWorkerOverBare: one / bare,
      twoWorkersOverOne: two / one,
    },
    runs,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/certificates.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.median, null, 2));
} finally {
  await client.end();
}
