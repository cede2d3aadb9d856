import { readFileSync } from 'node:fs';
import {
  committedTableMapBlock,
  crossLibReads,
  currentTableMapBlock,
  declaredReads,
  isReadModel,
  readTableMap,
  renderTableMap,
  type Source,
  TABLE_MAP_DOCUMENT,
  type TableMap,
  tablesNamed,
} from './table-map';

// The diagram of docs/ARCHITECTURE.md, "Who reads which tables", is drawn from the code: it
// must be today's, or a reader trusts a picture of code that has moved on.
describe('table map', () => {
  it('draws each lib with its tables, and an arrow to each table of another lib it reads', () => {
    const owners = new Map([
      ['groups', 'groups'],
      ['courses', 'courses'],
      ['crafts', 'crafts'],
    ]);
    expect(
      renderTableMap(owners, [
        { reader: 'apps/cli', table: 'crafts', kind: 'not moved' },
        { reader: 'groups', table: 'courses', kind: 'read model' },
        { reader: 'groups', table: 'crafts', kind: 'not moved' },
      ]),
    ).toBe(
      [
        'flowchart LR',
        '  subgraph lib_courses [courses]',
        '    table_courses[(courses)]',
        '  end',
        '  subgraph lib_crafts [crafts]',
        '    table_crafts[(crafts)]',
        '  end',
        '  subgraph lib_groups [groups]',
        '    table_groups[(groups)]',
        '  end',
        '  lib_apps_cli[apps/cli]',
        '  lib_apps_cli -.-> table_crafts',
        '  lib_groups --> table_courses',
        '  lib_groups -.-> table_crafts',
        '',
      ].join('\n'),
    );
  });

  it('tells a read model’s reads from other code naming another lib’s table', () => {
    const source = (path: string, lib: string | null, text: string): Source => ({
      path,
      lib,
      text,
    });
    const map: TableMap = {
      owners: new Map([
        ['groups', 'groups'],
        ['courses', 'courses'],
        ['crafts', 'crafts'],
      ]),
      entityTables: new Map([['Craft', 'crafts']]),
      fragments: new Map(),
      sources: [
        source('libs/groups/src/groups.repository.ts', 'groups', 'SELECT * FROM groups'),
        source(
          'libs/groups/src/roster.queries.ts',
          'groups',
          '// Reads: groups, courses.\nSELECT * FROM groups JOIN courses ON true',
        ),
        source('libs/groups/src/groups.service.ts', 'groups', 'UPDATE courses SET title = $1'),
        source('libs/groups/src/craft-check.ts', 'groups', 'manager.existsBy(Craft, {})'),
        source('apps/cli/src/seed.ts', null, 'INSERT INTO groups'),
      ],
    };
    expect(crossLibReads(map)).toEqual([
      { reader: 'apps/cli', table: 'groups', kind: 'not moved' },
      { reader: 'groups', table: 'courses', kind: 'read model' },
      { reader: 'groups', table: 'crafts', kind: 'not moved' },
    ]);
  });

  it('counts the tables of a read model’s SQL fragment where another file writes it in', () => {
    const map: TableMap = {
      owners: new Map([
        ['lessons', 'lessons'],
        ['referrals', 'referrals'],
      ]),
      entityTables: new Map(),
      fragments: new Map([['HELD_SQL', new Set(['lessons'])]]),
      sources: [],
    };
    expect(
      [...tablesNamed(map, 'SELECT 1 FROM referrals r ${HELD_SQL} WHERE true')].sort(),
    ).toEqual(['lessons', 'referrals']);
  });

  it('finds the tables a lib reads through its read models and names elsewhere', () => {
    const map = readTableMap();
    const reads = crossLibReads(map);
    for (const read of reads) expect(map.owners.get(read.table)).not.toBe(read.reader);
    // Read models are drawn from their declared reads, which the ownership test keeps exact.
    const readModelReads = reads.filter((read) => read.kind === 'read model');
    for (const read of readModelReads) {
      const declared = map.sources.some(
        (source) =>
          source.lib === read.reader &&
          isReadModel(source) &&
          Boolean(declaredReads(source.text)?.has(read.table)),
      );
      expect(declared).toBe(true);
    }
  });

  it(`is drawn as it stands today in ${TABLE_MAP_DOCUMENT}`, () => {
    const committed = committedTableMapBlock(readFileSync(TABLE_MAP_DOCUMENT, 'utf8'));
    const current = currentTableMapBlock();
    if (committed !== current) {
      throw new Error(
        `The table map in ${TABLE_MAP_DOCUMENT} is ${committed ? 'stale' : 'missing'}: run ` +
          `npm run docs:table-map, or put this block in its place:\n\n${current}\n`,
      );
    }
  });
});
