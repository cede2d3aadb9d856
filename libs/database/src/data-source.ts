import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironmentOrExit } from '@sheber/config';
import { dataSourceOptions } from './data-source-options';

/** The data source of the TypeORM CLI (`npm run migration:*`), built from the same options. */
const env = loadEnvironmentOrExit();
export default new DataSource(
  dataSourceOptions({ url: env.DATABASE_URL, poolSize: 2, applicationName: 'sheber-cli' }),
);
