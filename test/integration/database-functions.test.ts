import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import pg from 'pg';

// Each database function's current source is one file, libs/<lib>/src/sql/<name>.sql; migrations
// copy it when they change the function. This compares the migrated database with the files, so a
// function changed in one place only, or one without a file, fails here.

const ROOT = process.cwd();

function sqlFiles(): string[] {
  const found: string[] = [];
  for (const lib of readdirSync(join(ROOT, 'libs'))) {
    const directory = join(ROOT, 'libs', lib, 'src', 'sql');
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.sql')) found.push(join(directory, name));
  }
  return found.sort();
}

/** A file's function statement and, apart, the trigger statements that follow it. */
function parts(text: string): { functionSql: string; triggers: string[] } {
  const triggers: string[] = [];
  const rest: string[] = [];
  for (const line of text.split('\n')) {
    if (/^CREATE (OR REPLACE )?TRIGGER /.test(line)) triggers.push(line.trim().replace(/;$/, ''));
    else rest.push(line);
  }
  return { functionSql: rest.join('\n'), triggers };
}

const SCRATCH = 'function_source_check';
const files = sqlFiles();

describe('database functions and their files', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  /** pg_get_functiondef of every function of a schema that no extension brought, by name. */
  async function definitions(schema: string): Promise<Map<string, string>> {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                           WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                             AND d.deptype = 'e')`,
      [schema],
    );
    const found = new Map<string, string>();
    for (const row of rows) {
      // One definition per name: an overload would need a file of its own.
      expect(found.has(row.name)).toBe(false);
      found.set(row.name, row.definition.replaceAll(`${schema}.`, 'public.'));
    }
    return found;
  }

  it('has a file for every function of the database, and a function for every file', async () => {
    const inDatabase = [...(await definitions('public')).keys()].sort();
    const inFiles = files.map((file) => basename(file, '.sql')).sort();
    expect(inDatabase).toEqual(inFiles);
  });

  it.each(files.map((file) => [basename(file, '.sql'), file]))(
    '%s in the database is its file',
    async (name, file) => {
      const { functionSql, triggers } = parts(readFileSync(file, 'utf8'));
      const live = (await definitions('public')).get(name);
      expect(live).toBeDefined();
      // The file's function, created in a scratch schema and thrown away, printed by the same
      // pg_get_functiondef: only a difference of substance remains.
      await client.query('BEGIN');
      try {
        await client.query(`CREATE SCHEMA ${SCRATCH}`);
        await client.query(`SET LOCAL search_path = ${SCRATCH}, public`);
        await client.query(functionSql);
        const fromFile = (await definitions(SCRATCH)).get(name);
        expect(fromFile).toBe(live);
      } finally {
        await client.query('ROLLBACK');
      }
      const { rows } = await client.query<{ definition: string }>(
        `SELECT pg_get_triggerdef(t.oid) AS definition
           FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE p.proname = $1 AND NOT t.tgisinternal
          ORDER BY t.tgname`,
        [name],
      );
      expect(rows.map((row) => row.definition.replaceAll('public.', ''))).toEqual(triggers.sort());
    },
  );
});
