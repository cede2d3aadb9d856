// npm run docs:table-map
// Draws the diagram of who reads which tables (test/architecture/table-map.ts) into the block
// between its markers in docs/ARCHITECTURE.md. test/architecture/table-map.test.ts fails while
// the committed block differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

// table-map.ts imports only Node's built-ins, so its plain JavaScript runs as it is.
const source = readFileSync('test/architecture/table-map.ts', 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
});
const tableMap = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);

const path = tableMap.TABLE_MAP_DOCUMENT;
const document = readFileSync(path, 'utf8');
const committed = tableMap.committedTableMapBlock(document);
if (committed === null) {
  process.stderr.write(
    `${path} has no ${tableMap.TABLE_MAP_START} … ${tableMap.TABLE_MAP_END} block to fill\n`,
  );
  process.exit(1);
}
const current = tableMap.currentTableMapBlock();
if (committed === current) {
  process.stdout.write(`${path}: the table map is current\n`);
} else {
  writeFileSync(
    path,
    document.replace(committed, () => current),
  );
  process.stdout.write(`${path}: the table map is drawn again\n`);
}
