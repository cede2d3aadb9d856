import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` while another session holds one row locked (`SELECT … FOR UPDATE`); once `work` has
 * written `file`, that session runs `change` on the row (`$1` is its id) and commits, so `work`
 * meets the changed row when it comes to record what it wrote: a render overtaken by another
 * change, deterministically. Answers what `work` answered.
 */
export async function changedWhileWriting<T>(
  dataSource: DataSource,
  row: { table: 'certificates' | 'documents'; id: string },
  file: string,
  change: string,
  work: () => Promise<T>,
): Promise<T> {
  const other = dataSource.createQueryRunner();
  await other.connect();
  await other.startTransaction();
  try {
    await other.query(`SELECT id FROM ${row.table} WHERE id = $1 FOR UPDATE`, [row.id]);
    const working = work();
    const deadline = Date.now() + 20_000;
    while (!existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`${file} was not written`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await other.query(change, [row.id]);
    await other.commitTransaction();
    return await working;
  } finally {
    if (other.isTransactionActive) await other.rollbackTransaction();
    await other.release();
  }
}
