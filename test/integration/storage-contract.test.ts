import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CertificateStorage, createCertificateStorage } from '../../libs/certificates/src';
import { NotFoundError } from '../../libs/common/src';
import { validateEnvironment } from '../../libs/config/src';
import { type S3TestServer, startS3Server } from '../support/s3-server';

const HOUR = 60 * 60 * 1000;

/** What the contract needs from each backend beyond the storage itself: a look at the raw store. */
interface Driver {
  storage: CertificateStorage;
  /** Every file or object the store holds, as the store names it. */
  rawKeys: () => Promise<string[]>;
  /** How the store names what was put under `key`. */
  rawKeyOf: (key: string) => string;
  /** Leaves what a process killed in the middle of writing `key` leaves behind. */
  abandonWrite: (key: string, data: Buffer) => Promise<void>;
  close: () => Promise<void>;
}

function aPdf(size = 30_000): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function localDriver(): Promise<Driver> {
  const root = mkdtempSync(path.join(tmpdir(), 'sheber-contract-'));
  const storage = await createCertificateStorage(
    validateEnvironment({ CERTIFICATE_STORAGE: 'local', CERTIFICATE_STORAGE_DIR: root }),
  );
  return {
    storage,
    rawKeys: () =>
      Promise.resolve(
        readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
          .sort(),
      ),
    rawKeyOf: (key) => key,
    // The temporary file beside its PDF, as a worker killed before its rename leaves it.
    abandonWrite: (key, data) => {
      const file = path.join(root, `${key}.4242.${Date.now()}.tmp`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, data.subarray(0, data.length / 2));
      return Promise.resolve();
    },
    close: async () => {
      await storage.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

let s3: S3TestServer;
let s3Drivers = 0;

async function s3Driver(): Promise<Driver> {
  // A prefix per driver keeps the tests apart in the one bucket, and checks S3_PREFIX on the way.
  s3Drivers += 1;
  const prefix = `contract-${s3Drivers}/certificates/`;
  const storage = await createCertificateStorage(validateEnvironment(s3.env(prefix.slice(0, -1))));
  return {
    storage,
    rawKeys: () => s3.keys(prefix.split('/')[0]),
    rawKeyOf: (key) => `${prefix}${key}`,
    // The temporary object, as a worker killed before its copy leaves it (the part that reached
    // the store: s3rver keeps a cut-off upload, as some S3-compatible stores do).
    abandonWrite: async (key, data) => {
      await s3.client.send(
        new PutObjectCommand({
          Bucket: s3.bucket,
          Key: `${prefix}.incomplete/${key}.4242.${Date.now()}`,
          Body: data.subarray(0, data.length / 2),
        }),
      );
    },
    close: () => storage.close(),
  };
}

/**
 * The one contract of CertificateStorage, run against the local directory and against S3 (a real
 * S3-protocol server): what the issuer, the PDF download and the sweeper rely on.
 */
describe.each([
  ['the local directory', localDriver],
  ['S3', s3Driver],
])('certificate storage on %s', (_name, makeDriver) => {
  let driver: Driver;

  beforeAll(async () => {
    s3 ??= await startS3Server();
    driver = await makeDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('gives back exactly the bytes put under a key, stored under that key', async () => {
    const pdf = aPdf();
    await driver.storage.put('2026/SHB-2026-00001.pdf', pdf);
    const read = await driver.storage.get('2026/SHB-2026-00001.pdf');
    expect(sha256(read)).toBe(sha256(pdf));
    expect(await driver.rawKeys()).toEqual([driver.rawKeyOf('2026/SHB-2026-00001.pdf')]);
  });

  it('replaces a file put again under the same key (a certificate rendered twice)', async () => {
    const first = aPdf(1000);
    const second = aPdf(2000);
    await driver.storage.put('2026/SHB-2026-00002.pdf', first);
    await driver.storage.put('2026/SHB-2026-00002.pdf', second);
    expect(sha256(await driver.storage.get('2026/SHB-2026-00002.pdf'))).toBe(sha256(second));
    expect((await driver.rawKeys()).filter((key) => key.includes('SHB-2026-00002'))).toHaveLength(
      1,
    );
  });

  it('answers a key with nothing stored under it with a not-found error that names it', async () => {
    const missing = driver.storage.get('2026/SHB-2026-99999.pdf');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toMatchObject({
      code: 'stored_file.not_found',
      message: 'The stored file was not found: 2026/SHB-2026-99999.pdf',
    });
  });

  it('removes a file, and removing a key with nothing stored under it is no error', async () => {
    await driver.storage.put('documents/a-document.pdf', aPdf(500));
    await driver.storage.put('2026/SHB-2026-00003.pdf', aPdf(600));
    await driver.storage.remove('documents/a-document.pdf');
    await expect(driver.storage.get('documents/a-document.pdf')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await driver.rawKeys()).toContain(driver.rawKeyOf('2026/SHB-2026-00003.pdf'));
    expect(await driver.rawKeys()).not.toContain(driver.rawKeyOf('documents/a-document.pdf'));
    await expect(driver.storage.remove('documents/a-document.pdf')).resolves.toBeUndefined();
    await expect(driver.storage.remove('documents/never-stored.pdf')).resolves.toBeUndefined();
  });

  it.each([
    '../outside.pdf',
    '2026/../../outside.pdf',
    '/etc/passwd',
    '2026//SHB.pdf',
    '.incomplete/2026/SHB-2026-00001.pdf',
    'a key with spaces.pdf',
    '',
  ])('refuses the unsafe key %j before touching the store', async (key) => {
    const before = await driver.rawKeys();
    await expect(driver.storage.put(key, aPdf(10))).rejects.toThrow('Unsafe storage key');
    await expect(driver.storage.get(key)).rejects.toThrow('Unsafe storage key');
    await expect(driver.storage.remove(key)).rejects.toThrow('Unsafe storage key');
    expect(await driver.rawKeys()).toEqual(before);
  });

  it('never shows a write cut off half-way, and removeAbandoned removes what it left once it is old enough', async () => {
    const kept = aPdf();
    await driver.storage.put('2027/SHB-2027-00001.pdf', kept);
    const stored = await driver.rawKeys();
    await driver.abandonWrite('2027/SHB-2027-00002.pdf', aPdf());
    expect(await driver.rawKeys()).toHaveLength(stored.length + 1);
    await expect(driver.storage.get('2027/SHB-2027-00002.pdf')).rejects.toBeInstanceOf(
      NotFoundError,
    );

    // A write younger than the cut-off may still be going on: it is left alone.
    expect(await driver.storage.removeAbandoned(HOUR)).toBe(0);
    // S3 gives times to the second.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await driver.storage.removeAbandoned(1000)).toBe(1);
    expect(await driver.rawKeys()).toEqual(stored);
    expect(sha256(await driver.storage.get('2027/SHB-2027-00001.pdf'))).toBe(sha256(kept));
  });
});

afterAll(async () => {
  await s3?.close();
});
