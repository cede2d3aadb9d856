// Shared by the benchmarks: a fresh migrated database, the built API started on it, sign-in.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import argon2 from 'argon2';
import pg from 'pg';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../scripts/db-admin.mjs';

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sheber';
export const BENCH_PASSWORD = 'bench-password-123';

export const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Drops and re-creates `name`, migrates it, and returns a connected client and its URL. */
export async function freshDatabase(name) {
  const url = withDatabase(SERVER_URL, name);
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  execFileSync(
    'node_modules/.bin/typeorm',
    ['-d', 'dist/libs/database/src/data-source.js', 'migration:run'],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    },
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { url, client };
}

/** A user of `role` who signs in with BENCH_PASSWORD; returns its id. */
export async function insertUser(client, email, role) {
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const { rows } = await client.query(
    `INSERT INTO users (email, full_name, role, password_hash) VALUES ($1, 'Bench', $2, $3) RETURNING id`,
    [email, role, hash],
  );
  return rows[0].id;
}

/** Starts the built API on `url`; `--profile` writes a CPU profile to bench/results/. */
export async function startApi(url, port) {
  const profile = process.argv.includes('--profile')
    ? ['--cpu-prof', '--cpu-prof-dir=bench/results']
    : [];
  const child = spawn(process.execPath, [...profile, 'dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: 'sheber_bench',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the API did not start');
}

export async function signIn(port, email) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  return (await response.json()).accessToken;
}

/** The certificate the bare render loops render: Kazakh and Russian text, a QR code, every field. */
export const BENCH_CERTIFICATE = {
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

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The figures of an autocannon run that the results keep. */
export function summary(result) {
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks of 10 ms), 0 once it is gone. */
/** A process's memory in MB: `rss` now (VmRSS), `peak` the most it held so far (VmHWM). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const megabytes = (field) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: megabytes('VmRSS'), peak: megabytes('VmHWM') };
}

export function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of each PostgreSQL backend connected to `database`, by process id. */
export function backendCpuSeconds(database) {
  const backends = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let command;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (command.startsWith('postgres') && command.includes(` ${database} `)) {
      backends.set(pid, cpuSecondsOf(pid));
    }
  }
  return backends;
}

/** CPU seconds the backends alive now used since `before` (a backend that left is not counted). */
export function backendCpuSince(before, database) {
  let total = 0;
  for (const [pid, seconds] of backendCpuSeconds(database))
    total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * Where the CPU goes while `work` runs: milliseconds per request of the API process, of the
 * PostgreSQL backends of `database` and of this process (the load generator). Counted from /proc,
 * so the figures hold even when other processes share the machine.
 */
export async function cpuPerRequest({ apiPid, database }, work) {
  const api = cpuSecondsOf(apiPid);
  const backends = backendCpuSeconds(database);
  const own = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(own);
  const requests = result.total;
  const perRequest = (seconds) => Number(((1000 * seconds) / requests).toFixed(3));
  return {
    result,
    cpuMsPerRequest: {
      api: perRequest(cpuSecondsOf(apiPid) - api),
      postgres: perRequest(backendCpuSince(backends, database)),
      loadGenerator: perRequest((used.user + used.system) / 1e6),
    },
  };
}
