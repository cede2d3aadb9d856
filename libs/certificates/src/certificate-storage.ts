import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where issued PDFs live. A local directory by default; another backend implements the same. */
export abstract class CertificateStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Removes writes a process abandoned (killed mid-write) older than `olderThanMs`; the count. */
  abstract removeAbandoned(olderThanMs: number): Promise<number>;
}

const TEMPORARY = /\.tmp$/;

export class LocalDirectoryStorage extends CertificateStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.includes('..'))
      throw new Error(`Unsafe storage key ${key}`);
    return path.resolve(this.root, key);
  }

  /**
   * Writes to a temporary file and renames it, so a reader never sees half a PDF. The calls are
   * synchronous on purpose: a certificate is some 30 KB going to the page cache, and the four
   * asynchronous calls (open, write, close, rename) each hand work to libuv's thread pool and
   * back: on the benchmark machine about twice the CPU of making the same calls directly
   * (docs/PERFORMANCE.md). The worker calling it has just rendered for milliseconds on this thread.
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

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
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
