import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDirectoryStorage } from './certificate-storage';

describe('LocalDirectoryStorage', () => {
  let root: string;
  let storage: LocalDirectoryStorage;
  const HOUR = 60 * 60 * 1000;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sheber-storage-'));
    storage = new LocalDirectoryStorage(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores a file under its key, making the year directory on first use', async () => {
    await storage.put('2026/SHB-2026-00001.pdf', Buffer.from('%PDF-1.7'));
    expect((await storage.get('2026/SHB-2026-00001.pdf')).toString()).toBe('%PDF-1.7');
  });

  it('refuses an unsafe key or a failed write as a rejected promise, leaving no file', async () => {
    await expect(storage.put('../outside.pdf', Buffer.from('%PDF'))).rejects.toThrow(
      'Unsafe storage key',
    );
    writeFileSync(path.join(root, 'taken'), 'a file where the year directory should be');
    await expect(storage.put('taken/SHB-2026-00001.pdf', Buffer.from('%PDF'))).rejects.toThrow(
      /ENOTDIR/,
    );
    expect(existsSync(path.join(root, '..', 'outside.pdf'))).toBe(false);
    expect(readdirSync(root)).toEqual(['taken']);
  });

  it('removes temporary files a killed worker left behind, and nothing else', async () => {
    await storage.put('2026/SHB-2026-00001.pdf', Buffer.from('%PDF-1.7'));
    const abandoned = path.join(root, '2026', 'SHB-2026-00002.pdf.4242.1700000000000.tmp');
    const inFlight = path.join(root, '2026', 'SHB-2026-00003.pdf.4243.1800000000000.tmp');
    writeFileSync(abandoned, 'half a pdf');
    writeFileSync(inFlight, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    expect(await storage.removeAbandoned(HOUR)).toBe(1);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
    expect((await storage.get('2026/SHB-2026-00001.pdf')).toString()).toBe('%PDF-1.7');
  });

  it('finds nothing to remove before the first certificate is stored', async () => {
    const empty = new LocalDirectoryStorage(path.join(root, 'not-yet'));
    expect(await empty.removeAbandoned(HOUR)).toBe(0);
  });
});
