import { Redis } from 'ioredis';
import pg from 'pg';
import {
  describeSeatCounterDrift,
  seatCounterDrift,
} from '../../libs/enrollments/src/seat-counters.queries';
import { databaseUrl, onServer } from './test-databases';

/**
 * Drops every database this run created (the template and one per worker) and its Redis keys.
 * First it compares every group's seat counters with its enrollments in each of them (what
 * `npm run cli -- check` does), and fails the run when any differ: whatever the tests did, the
 * counters must still match the rows.
 */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.SHEBER_TEST_RUN;
  if (!runId) return;
  await deleteRedisKeys(runId);
  const drifted: string[] = [];
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`sheber_test_${runId}_%`],
    );
    for (const { datname } of rows) {
      drifted.push(...(await seatCounterLines(datname)).map((line) => `${datname}: ${line}`));
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
  if (drifted.length > 0) {
    throw new Error(`Seat counters differ from the enrollments:\n${drifted.join('\n')}`);
  }
}

async function seatCounterLines(database: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const drifted = await seatCounterDrift({
      query: async <T>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params)).rows as T,
    });
    return drifted.map(describeSeatCounterDrift);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(runId: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        // Hash-tagged prefixes (`{sheber_test_…}`) too.
        `*sheber_test_${runId}_*`,
        'COUNT',
        1000,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
