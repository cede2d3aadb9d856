import { Redis } from 'ioredis';
import { onServer } from './test-databases';

/** Drops every database this run created (the template and one per worker) and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.SHEBER_TEST_RUN;
  if (!runId) return;
  await deleteRedisKeys(runId);
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
