// Backup and restore of one installation: the PostgreSQL database (pg_dump, custom format) and the
// stored certificate PDFs, from and to the storage the environment names (local directory or S3).
//
//   node scripts/backup.mjs backup  <directory>   DATABASE_URL and the storage are the source
//   node scripts/backup.mjs restore <directory>   DATABASE_URL (a new, empty database; created when
//                                                 missing) and the storage are the target
//
// It reads the same variables as the processes (DATABASE_URL, CERTIFICATE_STORAGE, S3_*, …),
// checked the same way. Both commands end by checking every stored PDF against the SHA-256 the
// database recorded, and exit non-zero when one is missing or differs. See docs/OPERATIONS.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing } from './db-admin.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(root, 'dist/libs/config/src/environment.js'))) {
  execFileSync('node', [path.join(root, 'scripts/ensure-built.mjs')], {
    stdio: 'inherit',
    cwd: root,
  });
}
const require = createRequire(import.meta.url);
const { validateEnvironment } = require('../dist/libs/config/src/environment.js');
const {
  createCertificateStorage,
} = require('../dist/libs/certificates/src/storage-from-environment.js');

const DUMP = 'database.dump';
const FILES = 'certificates';
const MANIFEST = 'manifest.json';

/** pg_dump and pg_restore: PG_BIN, else the newest under /usr/lib/postgresql, else the PATH. */
function pgTool(name) {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/${name}`))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? `/usr/lib/postgresql/${versions[0]}/bin/${name}` : name;
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

async function storedCertificates(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT number, file_key, sha256 FROM certificates WHERE file_key IS NOT NULL ORDER BY number`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Runs `action` on every item, `width` at a time. */
async function eachLimited(items, width, action) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await action(items[next++]);
    }),
  );
}

/** Every recorded file read back from the storage and compared with its SHA-256. */
async function verify(storage, certificates) {
  const problems = [];
  await eachLimited(certificates, 8, async (row) => {
    try {
      const data = await storage.get(row.file_key);
      if (sha256(data) !== row.sha256) problems.push(`${row.number}: SHA-256 differs`);
    } catch (error) {
      problems.push(`${row.number}: ${error.message}`);
    }
  });
  return problems;
}

async function backup(directory, env) {
  mkdirSync(path.join(directory, FILES), { recursive: true });
  // The database first: a certificate is marked issued only after its file is stored, so every
  // file the dump names exists when the files are copied next.
  execFileSync(
    pgTool('pg_dump'),
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${path.join(directory, DUMP)}`,
      env.DATABASE_URL,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const storage = await createCertificateStorage(env);
  const certificates = await storedCertificates(env.DATABASE_URL);
  const problems = [];
  try {
    await eachLimited(certificates, 8, async (row) => {
      try {
        const data = await storage.get(row.file_key);
        if (sha256(data) !== row.sha256) problems.push(`${row.number}: SHA-256 differs`);
        const target = path.join(directory, FILES, row.file_key);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, data);
      } catch (error) {
        problems.push(`${row.number}: ${error.message}`);
      }
    });
  } finally {
    await storage.close();
  }
  writeFileSync(
    path.join(directory, MANIFEST),
    `${JSON.stringify(
      {
        createdAt: new Date().toISOString(),
        database: DUMP,
        files: certificates.map((row) => ({ key: row.file_key, sha256: row.sha256 })),
      },
      null,
      2,
    )}\n`,
  );
  return { files: certificates.length - problems.length, problems };
}

async function restore(directory, env) {
  const manifest = JSON.parse(readFileSync(path.join(directory, MANIFEST), 'utf8'));
  await createDatabaseIfMissing(env.DATABASE_URL);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (rows[0].n > 0) throw new Error('the target database is not empty: restore into a new one');
  } finally {
    await client.end();
  }
  execFileSync(
    pgTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${env.DATABASE_URL}`,
      path.join(directory, DUMP),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const storage = await createCertificateStorage(env);
  try {
    await eachLimited(manifest.files, 8, async (file) => {
      await storage.put(file.key, readFileSync(path.join(directory, FILES, file.key)));
    });
    const problems = await verify(storage, await storedCertificates(env.DATABASE_URL));
    return { files: manifest.files.length, problems };
  } finally {
    await storage.close();
  }
}

const [command, directory] = process.argv.slice(2);
if (!['backup', 'restore'].includes(command) || !directory) {
  process.stderr.write('Usage: node scripts/backup.mjs backup|restore <directory>\n');
  process.exit(2);
}
let env;
try {
  env = validateEnvironment(process.env);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
let result;
try {
  result = await (command === 'backup' ? backup : restore)(path.resolve(directory), env);
} catch (error) {
  process.stderr.write(`${command} failed: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
for (const problem of result.problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  `${command}: ${result.files} certificate file(s), ${result.problems.length} problem(s)\n`,
);
process.exit(result.problems.length > 0 ? 1 : 0);
