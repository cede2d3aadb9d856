import type { EntityManager } from 'typeorm';

/**
 * Runs one SQL statement on the manager's connection (inside its transaction) and returns the
 * rows, whatever the statement (SELECT, or INSERT/UPDATE/DELETE … RETURNING).
 */
export async function sqlRows<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('sqlRows needs a transactional entity manager');
  const result = (await runner.query(sql, params, true)) as { records: T[] };
  return result.records;
}
