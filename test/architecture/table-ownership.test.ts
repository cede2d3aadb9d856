import {
  declaredReads,
  isReadModel,
  isRepository,
  readTableMap,
  type Source,
  tablesNamed,
} from './table-map';

/**
 * Each lib owns its tables (docs/ARCHITECTURE.md, "Who reads which tables"): its one
 * `<domain>.repository.ts` is the only code that names them. Reads that span domains live in
 * named read models, `*.queries.ts`, which list the tables they read in a first-line comment
 * `// Reads: a, b, c.`; a read model writes and locks nothing (a lock is taken by the repository of
 * the table's lib, where the lock order can be read). Every other file names no table at all:
 * services call repositories and read models. Tables are named by SQL (`FROM`, `JOIN`, `INTO`,
 * `UPDATE`, `DELETE FROM`, `TRUNCATE`, `LOCK TABLE`) or by a TypeORM call given an entity class.
 */

const map = readTableMap();
const { owners } = map;

/** What is wrong with one file, in words; empty when nothing is. */
function problems(source: Source): string[] {
  const named = [...tablesNamed(map, source.text)].sort();
  if (isRepository(source)) {
    return named
      .filter((table) => owners.get(table) !== source.lib)
      .map((table) => `names ${table}, a table of libs/${owners.get(table)}`);
  }
  if (isReadModel(source)) {
    const reads = declaredReads(source.text);
    if (!reads) return ['is a read model without a first line "// Reads: a, b."'];
    const found: string[] = [];
    for (const table of named) if (!reads.has(table)) found.push(`reads ${table}, not declared`);
    for (const table of reads) if (!named.includes(table)) found.push(`declares ${table}, unread`);
    if (/\b(?:INSERT INTO|UPDATE\s+[a-z_]+\s+SET|DELETE FROM)\b/.test(source.text)) {
      found.push('writes, but a read model only reads');
    }
    if (/\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)\b|\bFOR\s+KEY\s+SHARE\b/i.test(source.text)) {
      found.push('locks, but a read model only reads');
    }
    return found;
  }
  return named.map((table) => `names ${table} outside a repository or read model`);
}

/**
 * Files that break the rule, each with what it names: none. Should a change ever have to land
 * before its data access moves, its file goes here with what it names, and leaves again when
 * it comes right (the test fails while a file that is right stays listed).
 */
const NOT_YET_MOVED: Record<string, string[]> = {};

describe('table ownership', () => {
  it('finds the owner of every table', () => {
    expect([...owners.keys()].sort()).toEqual(
      expect.arrayContaining(['certificates', 'enrollments', 'groups', 'lessons', 'referrals']),
    );
    expect(owners.get('attendance_marks')).toBe('lessons');
  });

  it('lets only a lib’s repository name its tables, and read models read what they declare', () => {
    const found: Record<string, string[]> = {};
    for (const source of map.sources) {
      const wrong = problems(source);
      if (wrong.length > 0) found[source.path] = wrong;
    }
    expect(found).toEqual(NOT_YET_MOVED);
  });
});
