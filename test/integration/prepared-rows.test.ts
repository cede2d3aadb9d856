import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sheber/database';
import { postgresErrorInfo, databaseRefusal } from '@sheber/database/postgres-errors';
import { preparedRows, type PreparedStatement, sqlRows } from '@sheber/database/sql';

// The busiest routes run their database function as a named prepared statement on TypeORM's pool.
describe('preparedRows', () => {
  let dataSource: DataSource;
  const backend: PreparedStatement = {
    name: 'test_backend',
    text: 'SELECT pg_backend_pid() AS pid, $1::int * 2 AS doubled',
  };
  // Refuses the way enroll_trainee and mark_attendance do (SQLSTATE SHB01).
  const refuse: PreparedStatement = {
    name: 'test_refuse',
    text: `SELECT refuse_for_test($1)`,
  };

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.query(`
      CREATE OR REPLACE FUNCTION refuse_for_test(p_field text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'SHB01', MESSAGE = 'test_refusal',
          DETAIL = 'Refused for the test', HINT = p_field;
      END $$`);
  });
  afterAll(async () => {
    await dataSource.query('DROP FUNCTION IF EXISTS refuse_for_test(text)');
    await dataSource.destroy();
  });

  it('binds the values and returns the rows', async () => {
    const [row] = await preparedRows<{ doubled: number }>(dataSource, backend, [21]);
    expect(row!.doubled).toBe(42);
  });

  it('keeps the connection after a refusal, and reads the refusal off pg’s error', async () => {
    const [before] = await preparedRows<{ pid: number }>(dataSource, backend, [1]);
    for (let i = 0; i < 3; i += 1) {
      const error = await preparedRows(dataSource, refuse, ['marks']).catch((e: unknown) => e);
      expect(databaseRefusal(error)).toEqual({
        code: 'SHB01',
        message: 'test_refusal',
        detail: 'Refused for the test',
        hint: 'marks',
        constraint: undefined,
      });
    }
    // The pool holds one connection: the same backend answers, so no connection was dropped.
    const [after] = await preparedRows<{ pid: number }>(dataSource, backend, [1]);
    expect(after!.pid).toBe(before!.pid);
  });

  it('reads a constraint violation the same way through TypeORM and through the pool', async () => {
    await dataSource.query(
      'CREATE TEMP TABLE IF NOT EXISTS t_unique (v int CONSTRAINT uq_t_v UNIQUE)',
    );
    await dataSource.query('INSERT INTO t_unique VALUES (1) ON CONFLICT DO NOTHING');
    const viaTypeorm = await dataSource
      .query('INSERT INTO t_unique VALUES (1)')
      .catch((e: unknown) => e);
    const viaPool = await preparedRows(
      dataSource,
      { name: 'test_dup', text: 'INSERT INTO t_unique VALUES ($1)' },
      [1],
    ).catch((e: unknown) => e);
    expect(postgresErrorInfo(viaTypeorm)).toMatchObject({ code: '23505', constraint: 'uq_t_v' });
    expect(postgresErrorInfo(viaPool)).toMatchObject({ code: '23505', constraint: 'uq_t_v' });
    expect(databaseRefusal(viaPool)).toBeNull();
  });

  it('sqlRows answers the rows an UPDATE or DELETE returned, on its own connection or in a transaction', async () => {
    await dataSource.query('CREATE TEMP TABLE IF NOT EXISTS rows_test (id int, done boolean)');
    await dataSource.query('TRUNCATE rows_test');
    await dataSource.query('INSERT INTO rows_test VALUES (1, false), (2, false)');
    // DataSource.query would answer [rows, count] here: two "rows" for one, or for none.
    const update = 'UPDATE rows_test SET done = true WHERE id = $1 AND NOT done RETURNING id';
    expect(await sqlRows(dataSource, update, [1])).toEqual([{ id: 1 }]);
    expect(await sqlRows(dataSource, update, [1])).toEqual([]);
    const removed = await dataSource.transaction((manager) =>
      sqlRows(manager, 'DELETE FROM rows_test RETURNING id', []),
    );
    expect(removed).toHaveLength(2);
  });
});
