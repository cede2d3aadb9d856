// Checks that PostgreSQL and Redis answer; starts the local services when they are installed on
// this machine but stopped; otherwise says exactly what to do. Then creates the database if it
// does not exist. Used by `npm start` and `npm test`.
//   node scripts/services.mjs [--no-create-database]
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createDatabaseIfMissing, splitDatabaseUrl } from './db-admin.mjs';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/sheber';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const createDatabase = !process.argv.includes('--no-create-database');

const isLocal = (url) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function postgresAnswers() {
  const client = new pg.Client({
    connectionString: splitDatabaseUrl(DATABASE_URL).serverUrl,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers() {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function run(command) {
  process.stdout.write(`  $ ${command}\n`);
  execSync(command, { stdio: 'inherit' });
}

async function waitFor(check, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await check()) return true;
    await sleep(250);
  }
  return false;
}

function startPostgres() {
  if (!existsSync('/etc/postgresql')) return false;
  const versions = readdirSync('/etc/postgresql');
  if (versions.length === 0) return false;
  try {
    run(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`);
    return true;
  } catch {
    return false;
  }
}

function startRedis() {
  try {
    execSync('command -v redis-server', { stdio: 'ignore' });
  } catch {
    return false;
  }
  const port = new URL(REDIS_URL).port || '6379';
  try {
    run(
      `redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no --maxmemory-policy noeviction`,
    );
    return true;
  } catch {
    return false;
  }
}

async function ensure(name, url, answers, start, advice) {
  if (await answers()) {
    process.stdout.write(`✓ ${name} answers at ${new URL(url).host}\n`);
    return;
  }
  if (isLocal(url)) {
    process.stdout.write(
      `${name} does not answer at ${new URL(url).host}; trying to start the local service\n`,
    );
    if (start() && (await waitFor(answers, 20))) {
      process.stdout.write(`✓ ${name} started\n`);
      return;
    }
  }
  process.stderr.write(`✗ ${name} does not answer at ${new URL(url).host}.\n${advice}\n`);
  process.exit(1);
}

await ensure(
  'PostgreSQL',
  DATABASE_URL,
  postgresAnswers,
  startPostgres,
  '  Start PostgreSQL 15 or newer (Debian: sudo apt-get install postgresql && sudo pg_ctlcluster 15 main start),\n' +
    '  or point DATABASE_URL at a running server, e.g. DATABASE_URL=postgres://user:pass@host:5432/sheber',
);
await ensure(
  'Redis',
  REDIS_URL,
  redisAnswers,
  startRedis,
  '  Start Redis 7 (Debian: sudo apt-get install redis-server && redis-server --daemonize yes),\n' +
    '  or point REDIS_URL at a running server, e.g. REDIS_URL=redis://host:6379',
);
if (createDatabase && (await createDatabaseIfMissing(DATABASE_URL))) {
  process.stdout.write(`✓ created database ${splitDatabaseUrl(DATABASE_URL).name}\n`);
}
