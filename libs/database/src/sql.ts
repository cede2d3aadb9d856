import pg from 'pg';
import { type DataSource, type EntityManager, InstanceChecker } from 'typeorm';
import { breaksConnection } from './unavailable';

/**
 * Runs one SQL statement and returns the rows, whatever the statement (SELECT, or
 * INSERT/UPDATE/DELETE … RETURNING): on a transactional manager's connection (inside its
 * transaction), or on a pooled connection of its own. (`DataSource.query` answers an UPDATE or
 * DELETE with `[rows, count]`, whose length is always 2: never count its answer.)
 */
export async function sqlRows<T>(
  on: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!InstanceChecker.isDataSource(on)) {
    if (!on.queryRunner) throw new Error('sqlRows needs a transactional entity manager');
    return ((await on.queryRunner.query(sql, params, true)) as { records: T[] }).records;
  }
  const runner = on.createQueryRunner();
  try {
    return ((await runner.query(sql, params, true)) as { records: T[] }).records;
  } finally {
    await runner.release();
  }
}

/** A statement of a hot path, prepared once per pooled connection under its name. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a statement on its own (autocommit) through the pool TypeORM keeps, as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of once per call, and the
 * call skips TypeORM's query runner. For the one-round-trip statements of the busiest paths
 * (docs/decisions/0003-prepared-statements.md); errors are pg's DatabaseError (see
 * `postgresErrorInfo`).
 */
export async function preparedRows<T extends object>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no listener of the pool's: without this one, the server ending the
  // session between two messages (57P01 when PostgreSQL restarts) is an unhandled 'error' event
  // and ends the process.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    const result = await client.query<T>({ name: statement.name, text: statement.text, values });
    return result.rows;
  } catch (error) {
    // An error PostgreSQL reported (a refusal, a constraint) leaves the connection fine; pool.query
    // would close it on any error, and a new connection per 409 costs more than the request.
    // One that says the server went away (57P01 on a restart) leaves a dead connection: drop it.
    if (!(error instanceof pg.DatabaseError) || breaksConnection(error)) broken = error as Error;
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/**
 * Runs a read-only statement on a replica when DATABASE_REPLICA_URLS names any (TypeORM picks
 * one per connection), else on the primary. Only for reports and lists that may lag the primary
 * by the replica's delay: never for a read that decides a write.
 */
export async function replicaRows<T>(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}

/**
 * Constant strings as a SQL list, `'a', 'b'`: for DDL (an entity's check or partial index), which
 * takes no parameters, built from the same constants the queries pass as parameters.
 */
export function sqlStringList(values: readonly string[]): string {
  return values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
}
