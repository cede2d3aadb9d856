// Small helpers around PostgreSQL databases for the scripts: create if missing, drop, wait.
import pg from 'pg';

/** The maintenance URL of the same server (database `postgres`) and the database name. */
export function splitDatabaseUrl(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  url.pathname = '/postgres';
  return { serverUrl: url.toString(), name };
}

export async function withServer(databaseUrl, action) {
  const { serverUrl, name } = splitDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await action(client, name);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(databaseUrl, template) {
  return withServer(databaseUrl, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount > 0) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  });
}

export async function dropDatabase(databaseUrl) {
  return withServer(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export function withDatabase(databaseUrl, name) {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
