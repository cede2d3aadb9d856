import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { CertificateIssuer, CertificateRecords } from '../../libs/certificates/src';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { EnrollmentsService } from '../../libs/enrollments/src';
import { createGroup, createTrainee } from '../factories/catalog';
import { assertBuilt } from '../support/processes';
import { type S3TestServer, startS3Server } from '../support/s3-server';
import { createTestApp } from '../support/test-app';
import { databaseUrl, onServer, templateName } from '../support/test-databases';

const run = promisify(execFile);

interface Stored {
  number: string;
  file_key: string;
  sha256: string;
}

async function certificatesIn(url: string): Promise<Stored[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Stored>(
      'SELECT number, file_key, sha256 FROM certificates WHERE file_key IS NOT NULL ORDER BY number',
    );
    return rows;
  } finally {
    await client.end();
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

let s3: S3TestServer | undefined;
let databases = 0;
let storages = 0;

/**
 * scripts/backup.mjs end to end, for each storage: back up a database with issued certificates and
 * their PDFs, lose both (drop the database, empty the storage), restore into a new database and
 * a new storage, and find every PDF with the SHA-256 that the restored database recorded.
 */
describe.each([
  [
    'the local directory',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'sheber-backup-storage-'));
      return {
        env: { CERTIFICATE_STORAGE: 'local', CERTIFICATE_STORAGE_DIR: dir },
        read: (key: string) => Promise.resolve(readFileSync(path.join(dir, key))),
        lose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
      };
    },
  ],
  [
    'S3',
    () => {
      storages += 1;
      const prefix = `backup-${storages}`;
      return {
        env: s3!.env(prefix),
        read: (key: string) => s3!.read(`${prefix}/${key}`),
        lose: async () => {
          for (const key of await s3!.keys(`${prefix}/`)) await s3!.remove(key);
        },
      };
    },
  ],
])('backup and restore with certificates on %s', (_name, makeStorage) => {
  const runId = process.env.SHEBER_TEST_RUN!;
  let source: string;
  let restored: string;
  let backupDir: string;

  beforeAll(async () => {
    assertBuilt();
    s3 ??= await startS3Server();
    databases += 1;
    source = `sheber_test_${runId}_backup${databases}`;
    restored = `sheber_test_${runId}_restored${databases}`;
    await onServer((client) =>
      client.query(`CREATE DATABASE "${source}" TEMPLATE "${templateName(runId)}"`),
    );
    backupDir = mkdtempSync(path.join(tmpdir(), 'sheber-backup-'));
  });
  afterAll(async () => {
    await onServer(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${source}" WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS "${restored}" WITH (FORCE)`);
    });
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('restores the database into a new one and every PDF with its recorded SHA-256', async () => {
    const before = makeStorage();
    // Three issued certificates in the source database, rendered by the real issuer.
    const t = await createTestApp({ DATABASE_URL: databaseUrl(source), ...before.env });
    try {
      const group = await createGroup(t.dataSource, { status: 'in_progress' });
      for (const lastName of ['Әбілқайыр', 'Ғабитов', 'Құнанбаева']) {
        const trainee = await createTrainee(t.dataSource, { lastName });
        const enrollment = await t.app
          .get(EnrollmentsService)
          .enrollTrainee(SYSTEM_ACTOR, group.id, trainee.id);
        const [id] = await t.dataSource.transaction((manager) =>
          t.app
            .get(CertificateRecords)
            .writePendingCertificates(manager, [enrollment.id], SYSTEM_ACTOR),
        );
        expect(await t.app.get(CertificateIssuer).issueCertificate(id!)).toBe('issued');
      }
    } finally {
      await t.close();
    }
    const issued = await certificatesIn(databaseUrl(source));
    expect(issued).toHaveLength(3);

    const backedUp = await run(process.execPath, ['scripts/backup.mjs', 'backup', backupDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl(source), ...before.env },
    });
    expect(backedUp.stdout).toContain('backup: 3 certificate file(s), 0 problem(s)');
    expect(existsSync(path.join(backupDir, 'database.dump'))).toBe(true);

    // Both lost.
    await onServer((client) => client.query(`DROP DATABASE "${source}" WITH (FORCE)`));
    await before.lose();

    const after = makeStorage();
    const restoredRun = await run(process.execPath, ['scripts/backup.mjs', 'restore', backupDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl(restored), ...after.env },
    });
    expect(restoredRun.stdout).toContain('restore: 3 certificate file(s), 0 problem(s)');

    // The restored database holds the same certificates, and each PDF is back with its hash.
    expect(await certificatesIn(databaseUrl(restored))).toEqual(issued);
    for (const certificate of issued) {
      const pdf = await after.read(certificate.file_key);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(pdf)).toBe(certificate.sha256);
    }

    // A second restore into the now populated database is refused, changing nothing.
    await expect(
      run(process.execPath, ['scripts/backup.mjs', 'restore', backupDir], {
        env: { ...process.env, DATABASE_URL: databaseUrl(restored), ...after.env },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('the target database is not empty'),
    });
  });
});

afterAll(async () => {
  await s3?.close();
});
