import pg from 'pg';

/** The server the tests run against; its databases are made and dropped per run. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function templateName(runId: string): string {
  return `sheber_test_${runId}_template`;
}

export function workerDatabaseName(runId: string, workerId: string | number): string {
  return `sheber_test_${runId}_w${workerId}`;
}

export async function onServer<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of a test file's own, cloned from the run's migrated template, for tests whose
 * worker processes take every pending job of the database they serve: on the jest worker's
 * database, earlier files leave work that would be queued before theirs. Answers its URL and a
 * function that drops it (the global teardown drops it too, with the run's others).
 */
export async function privateDatabase(
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const runId = process.env.SHEBER_TEST_RUN;
  if (!runId) throw new Error('SHEBER_TEST_RUN is not set: run the tests with npm test');
  const database = workerDatabaseName(runId, `${process.env.JEST_WORKER_ID ?? '1'}_${name}`);
  await onServer((client) =>
    client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateName(runId)}"`),
  );
  return {
    url: databaseUrl(database),
    drop: async () => {
      await onServer((client) =>
        client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
      );
    },
  };
}
