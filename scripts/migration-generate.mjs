// npm run migration:generate -- <PascalCaseName>
// Builds, applies the existing migrations to a scratch database, lets TypeORM write the
// difference between the entities and that schema to migrations/<timestamp>-<Name>.ts, and lists
// the new migration in migrations/index.ts. Read the generated SQL before committing it.
import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from './db-admin.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('Usage: npm run migration:generate -- <PascalCaseName>, e.g. AddCourses\n');
  process.exit(2);
}

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sheber';
const scratchUrl = withDatabase(baseUrl, `sheber_migration_scratch_${process.pid}`);
const env = { ...process.env, DATABASE_URL: scratchUrl };
const typeorm = ['node_modules/.bin/typeorm', '-d', 'dist/libs/database/src/data-source.js'];

execSync('npm run -s build', { stdio: 'inherit' });
await createDatabaseIfMissing(scratchUrl);
try {
  execFileSync(typeorm[0], [...typeorm.slice(1), 'migration:run'], { env, stdio: 'inherit' });
  execFileSync(
    typeorm[0],
    ['migration:generate', `migrations/${name}`, '-d', typeorm[2], '--pretty'],
    { env, stdio: 'inherit' },
  );
} finally {
  await dropDatabase(scratchUrl);
}
writeMigrationIndex();
execSync('npx prettier --write migrations', { stdio: 'inherit' });

function writeMigrationIndex() {
  const files = readdirSync('migrations')
    .filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file))
    .sort();
  const entries = files.map((file) => {
    const source = readFileSync(`migrations/${file}`, 'utf8');
    const match = source.match(/export class (\w+)/);
    if (!match) throw new Error(`No exported class in migrations/${file}`);
    return { file: file.replace(/\.ts$/, ''), className: match[1] };
  });
  const lines = [
    '// The migrations in the order they run. `npm run migration:generate` rewrites this list.',
    ...entries.map((e) => `import { ${e.className} } from './${e.file}';`),
    '',
    `export const MIGRATIONS = [${entries.map((e) => e.className).join(', ')}];`,
    '',
  ];
  writeFileSync('migrations/index.ts', lines.join('\n'));
}
