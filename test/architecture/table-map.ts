import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Which code names which tables, read from the sources: the owner of each table (from the
 * `@Entity` declarations under a lib's `entities/`), the tables each file names (by SQL keyword
 * or by a TypeORM call given an entity class) and what each read model says it reads. The
 * ownership test checks the rule with it; `npm run docs:table-map` draws it into
 * docs/ARCHITECTURE.md. Node built-ins only, so that script can load this file without a build.
 */

export interface Source {
  /** Relative to the root, with `/` separators. */
  path: string;
  /** The lib the file belongs to, or null outside `libs/`. */
  lib: string | null;
  text: string;
}

export interface TableMap {
  sources: Source[];
  /** Table → the lib that owns it. */
  owners: Map<string, string>;
  /** Entity class → its table. */
  entityTables: Map<string, string>;
  /**
   * SQL fragments a read model exports (`export const NAME = \`…\``) → the tables they name; a
   * file that writes `${NAME}` into its SQL reads those tables too.
   */
  fragments: Map<string, Set<string>>;
}

function sourcesUnder(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...sourcesUnder(path));
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) {
      found.push(path);
    }
  }
  return found;
}

/** The sources of the libs and of the API, worker and command line, with the tables' owners. */
export function readTableMap(root: string = process.cwd()): TableMap {
  const sources: Source[] = [
    ...sourcesUnder(join(root, 'libs')),
    ...['api', 'worker', 'cli'].flatMap((app) => sourcesUnder(join(root, 'apps', app, 'src'))),
  ].map((path) => {
    const parts = relative(root, path).split(sep);
    return {
      path: parts.join('/'),
      lib: parts[0] === 'libs' ? parts[1]! : null,
      text: readFileSync(path, 'utf8'),
    };
  });
  const owners = new Map<string, string>();
  const entityTables = new Map<string, string>();
  for (const source of sources) {
    if (!source.path.includes('/entities/') || !source.lib) continue;
    for (const declaration of source.text.split('@Entity(').slice(1)) {
      const table = /^\{\s*name:\s*'([a-z_]+)'/.exec(declaration)?.[1];
      const entity = /export class (\w+)/.exec(declaration)?.[1];
      if (!table || !entity) continue;
      owners.set(table, source.lib);
      entityTables.set(entity, table);
    }
  }
  const map: TableMap = { sources, owners, entityTables, fragments: new Map() };
  for (const source of sources.filter(isReadModel)) {
    for (const [, name, sql] of source.text.matchAll(/export const (\w+)\s*=\s*`([^`]*)`/g)) {
      map.fragments.set(name!, tablesNamed(map, sql!));
    }
  }
  return map;
}

/** The tables a text names, by SQL keyword or by entity class in a TypeORM call. */
export function tablesNamed(map: TableMap, text: string): Set<string> {
  const named = new Set<string>();
  const sql = /\b(?:FROM|JOIN|INTO|UPDATE|DELETE FROM|TRUNCATE|LOCK TABLE)\s+"?([a-z_]+)"?/g;
  for (const [, word] of text.matchAll(sql)) if (map.owners.has(word!)) named.add(word!);
  const typeorm =
    /\b(?:getRepository|InjectRepository|createQueryBuilder|(?:manager|entityManager)\.\w+)\(\s*(\w+)\b/g;
  for (const [, word] of text.matchAll(typeorm)) {
    const table = map.entityTables.get(word!);
    if (table) named.add(table);
  }
  for (const [, name] of text.matchAll(/\$\{(\w+)\}/g)) {
    for (const table of map.fragments.get(name!) ?? []) named.add(table);
  }
  return named;
}

/** The tables a read model's first line `// Reads: a, b.` declares, or null without one. */
export function declaredReads(text: string): Set<string> | null {
  const match = /^\/\/ Reads: ([a-z_, ]+)\.\s*$/m.exec(text.split('\n', 1)[0] ?? '');
  return match ? new Set(match[1]!.split(',').map((table) => table.trim())) : null;
}

export const isRepository = (source: Source): boolean => source.path.endsWith('.repository.ts');
export const isReadModel = (source: Source): boolean => source.path.endsWith('.queries.ts');

/**
 * A table of one lib named by the code of another: `read model` when a read model of `reader`
 * reads it, `not moved` when some other file of `reader` still names it (the files the ownership
 * test lists as not yet moved).
 */
export interface CrossLibRead {
  reader: string;
  table: string;
  kind: 'read model' | 'not moved';
}

/** The libs and apps (`apps/<name>`) that name it, for each table owned by another lib. */
export function crossLibReads(map: TableMap): CrossLibRead[] {
  const found = new Map<string, CrossLibRead>();
  for (const source of map.sources) {
    const reader = source.lib ?? source.path.split('/').slice(0, 2).join('/');
    for (const table of tablesNamed(map, source.text)) {
      if (map.owners.get(table) === source.lib) continue;
      const key = `${reader} ${table}`;
      const kind = isReadModel(source) ? 'read model' : 'not moved';
      if (found.get(key)?.kind !== 'read model') found.set(key, { reader, table, kind });
    }
  }
  return [...found.values()].sort(
    (a, b) => a.reader.localeCompare(b.reader) || a.table.localeCompare(b.table),
  );
}

const nodeId = (prefix: string, name: string): string =>
  `${prefix}_${name.replace(/[^a-z0-9]+/gi, '_')}`;

/**
 * The Mermaid flowchart of who reads which tables: each lib a box holding the tables it owns
 * (and alone reads and writes), a solid arrow from a lib to another lib's table that its read
 * models read, a dashed one where its other code still names that table.
 */
export function renderTableMap(owners: Map<string, string>, reads: CrossLibRead[]): string {
  const tablesOf = new Map<string, string[]>();
  for (const [table, lib] of owners) tablesOf.set(lib, [...(tablesOf.get(lib) ?? []), table]);
  const lines = ['flowchart LR'];
  for (const lib of [...tablesOf.keys()].sort()) {
    lines.push(`  subgraph ${nodeId('lib', lib)} [${lib}]`);
    for (const table of tablesOf.get(lib)!.sort()) {
      lines.push(`    ${nodeId('table', table)}[(${table})]`);
    }
    lines.push('  end');
  }
  const readersWithoutTables = new Set(
    reads.map((read) => read.reader).filter((r) => !tablesOf.has(r)),
  );
  for (const reader of [...readersWithoutTables].sort()) {
    lines.push(`  ${nodeId('lib', reader)}[${reader}]`);
  }
  for (const read of reads) {
    const arrow = read.kind === 'read model' ? '-->' : '-.->';
    lines.push(`  ${nodeId('lib', read.reader)} ${arrow} ${nodeId('table', read.table)}`);
  }
  return `${lines.join('\n')}\n`;
}

export const TABLE_MAP_START = '<!-- table-map:start -->';
export const TABLE_MAP_END = '<!-- table-map:end -->';
export const TABLE_MAP_DOCUMENT = 'docs/ARCHITECTURE.md';

/** The block between the markers, as it should read: the diagram in a Mermaid fence. */
export function tableMapBlock(diagram: string): string {
  return `${TABLE_MAP_START}\n\n\`\`\`mermaid\n${diagram}\`\`\`\n\n${TABLE_MAP_END}`;
}

/** The block between the markers in a document, markers included; null without them. */
export function committedTableMapBlock(document: string): string | null {
  const start = document.indexOf(TABLE_MAP_START);
  const end = document.indexOf(TABLE_MAP_END, start);
  return start < 0 || end < 0 ? null : document.slice(start, end + TABLE_MAP_END.length);
}

/** The diagram of today's sources, in its block. */
export function currentTableMapBlock(root: string = process.cwd()): string {
  const map = readTableMap(root);
  return tableMapBlock(renderTableMap(map.owners, crossLibReads(map)));
}
