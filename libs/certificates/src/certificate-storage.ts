import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where issued PDFs live. A local directory by default; another backend implements the same. */
export abstract class CertificateStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
}

export class LocalDirectoryStorage extends CertificateStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.includes('..'))
      throw new Error(`Unsafe storage key ${key}`);
    return path.resolve(this.root, key);
  }

  /** Writes to a temporary file and renames it, so a reader never sees half a PDF. */
  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    // The directory (one per year) exists nearly always: make it only when the write says so.
    await writeFile(temporary, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temporary, data);
    });
    await rename(temporary, target);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }
}
