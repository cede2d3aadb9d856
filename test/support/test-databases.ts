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
