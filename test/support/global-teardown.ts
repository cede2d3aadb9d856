import { onServer } from './test-databases';

/** Drops every database this run created (the template and one per worker). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.SHEBER_TEST_RUN;
  if (!runId) return;
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`sheber_test_${runId}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
