import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '@sheber/config';
import { dataSourceOptions, type DatabaseSettings } from './data-source-options';

/** What differs between the processes that talk to PostgreSQL; the rest comes from the environment. */
export type ProcessDatabaseSettings = Pick<
  DatabaseSettings,
  'applicationName' | 'asynchronousCommit'
>;

/** DATABASE_REPLICA_URLS as a list; empty when unset. */
export function replicaUrls(list: string): string[] {
  return list
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

@Module({})
export class DatabaseModule {
  /** The data source of one process: `applicationName` names it in `pg_stat_activity`. */
  static forRoot(settings: ProcessDatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) =>
            dataSourceOptions({
              url: env.DATABASE_URL,
              replicaUrls: replicaUrls(env.DATABASE_REPLICA_URLS),
              poolSize: env.DATABASE_POOL_SIZE,
              ...settings,
            }),
        }),
      ],
    };
  }
}
