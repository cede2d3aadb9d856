import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '@sheber/common';

/**
 * Where issued PDFs live: a local directory (the default) or an S3 bucket (`s3-storage.ts`),
 * chosen by CERTIFICATE_STORAGE. Both keep the same contract (test/integration/storage-contract):
 * a key is `YYYY/SHB-YYYY-NNNNN.pdf`-like, a reader never sees half a file, a second put under a
 * key replaces the first, and a missing key is a NotFoundError.
 */
export abstract class CertificateStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes; a NotFoundError (`stored_file.not_found`) when nothing is stored there. */
  abstract get(key: string): Promise<Buffer>;
  /** Deletes what is stored under the key; nothing stored there is no error. */
  abstract remove(key: string): Promise<void>;
  /** Removes writes a process abandoned (killed mid-write) older than `olderThanMs`; the count. */
  abstract removeAbandoned(olderThanMs: number): Promise<number>;
  /** Releases connections, if the backend holds any. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Letters, digits, `/ _ . -`, no `..`, no empty segment and no leading dot: a key never leaves
 * its directory or prefix, nor names a backend's own temporary files (S3's `.incomplete/`).
 */
export function assertSafeStorageKey(key: string): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..') || key.includes('//'))
    throw new Error(`Unsafe storage key ${key}`);
}

export function storedFileNotFound(key: string): NotFoundError {
  return new NotFoundError('Stored file', key);
}

const TEMPORARY = /\.tmp$/;

export class LocalDirectoryStorage extends CertificateStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    assertSafeStorageKey(key);
    return path.resolve(this.root, key);
  }

  /**
   * Writes to a temporary file and renames it, so a reader never sees half a PDF. The calls are
   * synchronous on purpose: a certificate is some 30 KB going to the page cache, and the four
   * asynchronous calls (open, write, close, rename) each hand work to libuv's thread pool and
   * back, more CPU in all than making the same calls directly. The worker calling it has just
   * rendered on this thread. See docs/decisions/0009-synchronous-storage-writes.md.
   */
  put(key: string, data: Buffer): Promise<void> {
    // A throw inside the executor is the promise's rejection.
    return new Promise((resolve) => {
      this.writeNow(this.pathOf(key), data);
      resolve();
    });
  }

  private writeNow(target: string, data: Buffer): void {
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      writeFileSync(temporary, data);
    } catch (error) {
      // The directory (one per year) exists nearly always: make it only when the write says so.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(temporary, data);
    }
    renameSync(temporary, target);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? storedFileNotFound(key) : error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Temporary files live beside their PDF, one directory per year. */
  async removeAbandoned(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    const entries = await readdir(this.root, { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    let removed = 0;
    for (const entry of entries.filter((name) => TEMPORARY.test(name))) {
      const file = path.join(this.root, entry);
      const info = await stat(file).catch(() => null);
      if (info?.isFile() && info.mtimeMs < cutoff) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
