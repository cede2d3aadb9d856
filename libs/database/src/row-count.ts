import type { DataSource, EntityManager } from 'typeorm';

/** Below this many rows (by PostgreSQL's estimate) a whole table is counted exactly. */
export const EXACT_COUNT_BELOW = 50_000;

/**
 * The rows of a whole table, for the total of an unfiltered list: exact while the table is
 * small, PostgreSQL's estimate (kept current by autovacuum) once it is large, since an exact count
 * reads every row and takes longer than the page itself at national scale.
 * See docs/decisions/0008-read-paths-at-national-scale.md.
 * `table` is a constant of the calling lib, never input.
 */
export async function tableRowCount(
  db: DataSource | EntityManager,
  table: string,
): Promise<number> {
  const [estimate] = await db.query<{ n: string }[]>(
    `SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)`,
    [table],
  );
  const rows = Number(estimate?.n ?? -1);
  if (rows >= EXACT_COUNT_BELOW) return rows;
  const [exact] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return exact?.n ?? 0;
}
