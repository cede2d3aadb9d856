import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  applicationName?: string;
}

/**
 * The one definition of how Sheber talks to PostgreSQL, used by the app, the worker, the command
 * line, the TypeORM CLI and the tests. `synchronize` stays off: only migrations change the schema.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
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
    extra: {
      max: settings.poolSize,
      // Fail fast when the database is unreachable instead of hanging a request.
      connectionTimeoutMillis: 5000,
    },
  };
}
