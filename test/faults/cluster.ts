import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { waitForRedis } from '../../libs/redis/src';
import {
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';

/**
 * A private PostgreSQL cluster and a private Redis server for the fault tests, started on spare
 * ports and removed at the end: the tests stop, kill and restart them, which must never reach the
 * machine's own servers.
 */

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error('initdb not found under /usr/lib/postgresql/*/bin');
  return path.join(root, version, 'bin');
}

/** initdb refuses to run as root: as root, the cluster belongs to the postgres user. */
function asClusterOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

export class PrivatePostgres {
  readonly bin = postgresBin();
  readonly dir: string;
  readonly data: string;
  port = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'sheber-faults-pg-'));
    this.data = path.join(this.dir, 'data');
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(this.dir, uid, gid);
    }
  }

  url(database = 'sheber'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Asynchronous, so that the test's load keeps running while PostgreSQL stops or starts. */
  private async run(tool: string, args: string[]): Promise<void> {
    const [command, full] = asClusterOwner(path.join(this.bin, tool), args);
    await promisify(execFile)(command, full);
  }

  async init(): Promise<void> {
    this.port = await freePort();
    await this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    await this.start();
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    await client.query('CREATE DATABASE sheber');
    await client.end();
  }

  /** Starts the cluster and returns once it accepts connections. */
  async start(): Promise<void> {
    await this.run('pg_ctl', [
      '-D',
      this.data,
      '-w',
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      // fsync off: a clean stop (the tests never crash PostgreSQL itself) writes everything.
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  }

  /** A fast shutdown: sessions are ended (57P01), what committed stays. */
  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  remove(): void {
    try {
      if (existsSync(path.join(this.data, 'postmaster.pid'))) {
        const [command, args] = asClusterOwner(path.join(this.bin, 'pg_ctl'), [
          '-D',
          this.data,
          '-m',
          'immediate',
          '-w',
          'stop',
        ]);
        execFileSync(command, args, { stdio: 'pipe' });
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** Migrates the database with the built data source, as `npm run migration:run` does. */
  migrate(): void {
    execFileSync(
      'node_modules/.bin/typeorm',
      ['-d', 'dist/libs/database/src/data-source.js', 'migration:run'],
      { env: { ...process.env, DATABASE_URL: this.url() }, stdio: 'pipe' },
    );
  }
}

export class PrivateRedis {
  port = 0;
  private server?: ChildProcess;
  private exited?: Promise<void>;

  constructor(private readonly extraArgs: string[] = []) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts an empty Redis (no persistence) on its port, the same port after a kill. */
  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const server = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        ...this.extraArgs,
      ],
      { stdio: 'ignore' },
    );
    this.server = server;
    this.exited = new Promise((resolve) => server.once('exit', () => resolve()));
    const probe = new Redis(this.url, { retryStrategy: () => 50, lazyConnect: false });
    probe.on('error', () => undefined);
    try {
      await waitForRedis(probe, 10_000);
    } finally {
      probe.disconnect();
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.server || this.server.exitCode !== null || this.server.signalCode !== null) return;
    this.server.kill(signal);
    await this.exited;
  }
}

/** The built API and worker started against the private servers. */
export interface FaultEnvironment {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  storage: string;
  env: Record<string, string>;
}

export async function startApi(
  fault: FaultEnvironment,
  extra: Record<string, string> = {},
): Promise<{ process: RunningProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startProcess(BUILT.api, [], {
    ...fault.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...extra,
  });
  await waitForHttp(`${base}/api/health`, 30_000);
  return { process: api, base };
}

export async function startWorker(
  fault: FaultEnvironment,
  extra: Record<string, string> = {},
): Promise<RunningProcess> {
  const worker = startProcess(BUILT.worker, [], { ...fault.env, ...extra });
  await worker.waitForOutput(/Worker ready/, 30_000);
  return worker;
}

export function newStorageDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sheber-faults-storage-'));
}

/** Stops a process (SIGTERM, then SIGKILL after `ms`) and waits for it. */
export async function stopProcess(running: RunningProcess, ms = 15_000): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), ms);
  await running.exited;
  clearTimeout(timer);
}
