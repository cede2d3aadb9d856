/**
 * Which backing service an error says is unreachable: PostgreSQL (stopped, restarting, refusing
 * connections, the pool timing out) or Redis (a closed connection, retries used up, a command that
 * timed out). Such an error is the system's state, not the request's fault: the API answers 503
 * with Retry-After rather than 500. Errors are read through TypeORM's `driverError` and `cause`.
 */
export type UnavailableService = 'database' | 'redis';

/** SQLSTATE classes and codes that mean "the server is not there for you now". */
const PG_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down
  '53300', // too_many_connections
]);
const PG_CONNECTION_CLASS = '08'; // connection_exception, connection_failure, …

/** Node's socket errors: from pg they reach the request; ioredis turns them into its own. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const PG_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/, // pg-pool's connectionTimeoutMillis
  /is not queryable/, // a pooled client whose connection broke
  /^Client was closed/,
  /^Cannot use a pool after calling end/,
  // TypeORM, when the connection of a transaction broke and a later statement of it runs.
  /[Qq]uery runner (was )?already released/,
];

const REDIS_MESSAGES = [
  /^Connection is closed/,
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
  /^Stream isn't writeable and enableOfflineQueue/,
  /^Command timed out/,
  /^Redis did not answer/,
  /^LOADING /, // Redis restarting, loading its data set
];

function fieldsOf(error: unknown): { code?: unknown; message?: unknown; name?: unknown } | null {
  return typeof error === 'object' && error !== null ? error : null;
}

export function unavailableService(error: unknown, depth = 0): UnavailableService | null {
  const fields = fieldsOf(error);
  if (!fields || depth > 4) return null;
  const code = typeof fields.code === 'string' ? fields.code : '';
  const message = typeof fields.message === 'string' ? fields.message : '';
  if (REDIS_MESSAGES.some((pattern) => pattern.test(message))) return 'redis';
  if (fields.name === 'MaxRetriesPerRequestError') return 'redis';
  if (PG_UNAVAILABLE_CODES.has(code) || code.startsWith(PG_CONNECTION_CLASS)) return 'database';
  if (PG_MESSAGES.some((pattern) => pattern.test(message))) return 'database';
  if (NETWORK_CODES.has(code)) return 'database';
  const inner = error as { driverError?: unknown; cause?: unknown };
  return (
    unavailableService(inner.driverError, depth + 1) ?? unavailableService(inner.cause, depth + 1)
  );
}

/** A PostgreSQL error after which the connection that carried it cannot be used again. */
export function breaksConnection(error: unknown): boolean {
  return unavailableService(error) === 'database';
}
