import { databaseUrl, workerDatabaseName } from './test-databases';

// Runs in each jest worker before its test files: point the app at this worker's database and
// give its Redis keys a prefix of their own, so parallel workers never see each other's data.
const runId = process.env.SHEBER_TEST_RUN;
const workerId = process.env.JEST_WORKER_ID ?? '1';
if (!runId) throw new Error('SHEBER_TEST_RUN is not set: run the tests with npm test');

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = databaseUrl(workerDatabaseName(runId, workerId));
process.env.REDIS_PREFIX = `sheber_test_${runId}_w${workerId}`;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '10';
