import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseSettings } from '@sheber/database';

// What each process's settings do to its connections, read back from PostgreSQL itself.
describe('dataSourceOptions', () => {
  let dataSource: DataSource | undefined;

  afterEach(async () => {
    await dataSource?.destroy();
    dataSource = undefined;
  });

  async function settingsOf(
    settings: Omit<DatabaseSettings, 'url' | 'poolSize'>,
  ): Promise<{ synchronous_commit: string; application_name: string }> {
    dataSource = new DataSource(
      dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 1, ...settings }),
    );
    await dataSource.initialize();
    const [row] = await dataSource.query<
      { synchronous_commit: string; application_name: string }[]
    >(
      `SELECT current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('application_name') AS application_name`,
    );
    return row!;
  }

  it('waits for the disk at commit unless a process says its writes can be redone', async () => {
    expect(await settingsOf({ applicationName: 'sheber-api' })).toEqual({
      synchronous_commit: 'on',
      application_name: 'sheber-api',
    });
  });

  it('commits without waiting for the disk for the worker', async () => {
    expect(
      await settingsOf({ applicationName: 'sheber-worker', asynchronousCommit: true }),
    ).toEqual({ synchronous_commit: 'off', application_name: 'sheber-worker' });
  });
});
