import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The migrated schema is what the entities describe: otherwise `npm run migration:generate`
 * writes statements nobody asked for (dropping an index a migration made, say) into the next
 * migration. An index or a default that TypeORM cannot describe is declared on its entity with
 * `synchronize: false`.
 */
describe('the schema and the entities', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('differ in nothing that the migration generator would write', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query.trim())).toEqual([]);
  });
});
