import { randomBytes } from 'node:crypto';
import type { Config } from '@jest/types';
import 'reflect-metadata';
import { register } from 'tsconfig-paths';
import { DataSource } from 'typeorm';
import { databaseUrl, onServer, templateName, workerDatabaseName } from './test-databases';

/**
 * Once per run: migrate a template database, then clone one database per jest worker from it
 * (`CREATE DATABASE … TEMPLATE`), so every worker has a schema of its own at almost no cost.
 * The run id reaches the workers through the environment; global-teardown drops them all.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.SHEBER_TEST_RUN = runId;
  const template = templateName(runId);
  // Global setup runs outside jest's module system, so the @sheber/* aliases need registering.
  register({
    baseUrl: globalConfig.rootDir,
    paths: {
      '@sheber/database/*': ['libs/database/src/*'],
      '@sheber/enrollments/*': ['libs/enrollments/src/*'],
      '@sheber/groups/*': ['libs/groups/src/*'],
      '@sheber/*': ['libs/*/src'],
    },
  });
  const { dataSourceOptions } = await import('../../libs/database/src/data-source-options');

  await onServer((client) => client.query(`CREATE DATABASE "${template}"`));
  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseUrl(template),
      poolSize: 2,
      applicationName: 'sheber-test-setup',
    }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }

  const workers = Math.max(1, globalConfig.maxWorkers);
  await onServer(async (client) => {
    for (let worker = 1; worker <= workers; worker += 1) {
      await client.query(
        `CREATE DATABASE "${workerDatabaseName(runId, worker)}" TEMPLATE "${template}"`,
      );
    }
  });
}
