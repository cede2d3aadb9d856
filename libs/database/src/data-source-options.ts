import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DatabaseSettings {
  url: string;
  /**
   * Read-only replicas of `url`: reads asked for on a `slave` query runner (see `replicaRows`) go
   * to one of them; everything else, TypeORM's own finds included, stays on `url`.
   */
  replicaUrls?: readonly string[];
  poolSize: number;
  applicationName?: string;
  /**
   * Commit without waiting for the write-ahead log to reach the disk (`synchronous_commit=off`).
   * Only for a process whose every write can be lost in a database crash and done again: the
   * worker's (a certificate marked issued that a crash rolls back is still pending, and the
   * sweeper queues it again). A crash cannot corrupt anything; it can lose the last fraction of
   * a second of such commits. See docs/decisions/0004-worker-asynchronous-commit.md.
   */
  asynchronousCommit?: boolean;
}

/**
 * The one definition of how Sheber talks to PostgreSQL, used by the app, the worker, the command
 * line, the TypeORM CLI and the tests. `synchronize` stays off: only migrations change the schema.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const replicas = settings.replicaUrls ?? [];
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? {
          replication: {
            master: { url: settings.url },
            slaves: replicas.map((url) => ({ url })),
            // TypeORM would send every find to a replica; only named report reads go there.
            defaultMode: 'master' as const,
          },
        }
      : { url: settings.url }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's error log prints the query parameters, i.e. personal data: the API's exception
    // filter logs failures without them instead.
    logging: false,
    applicationName: settings.applicationName ?? 'sheber',
    // Each replica gets a pool of this size too.
    extra: {
      max: settings.poolSize,
      // Fail fast when the database is unreachable instead of hanging a request.
      connectionTimeoutMillis: 5000,
      ...(settings.asynchronousCommit ? { options: '-c synchronous_commit=off' } : {}),
    },
  };
}
