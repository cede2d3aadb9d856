// Builds what changed since the last build, so a second `npm start` starts at once. The server
// (API, worker, command line) and the web app are built apart; each is rebuilt only when the
// content of its inputs differs from what its last build recorded, or its output is missing.
//   node scripts/build-if-changed.mjs           build what changed
//   node scripts/build-if-changed.mjs --check   say what would be built, build nothing
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const SHARED = ['package-lock.json', 'package.json', 'tsconfig.json'];
const PARTS = {
  server: {
    inputs: [
      ...SHARED,
      'tsconfig.build.json',
      'nest-cli.json',
      'apps/api',
      'apps/worker',
      'apps/cli',
      'libs',
      'migrations',
    ],
    output: 'dist/apps/api/src/main.js',
    command: 'npx nest build api',
  },
  // The web app imports constants of libs/ (the status sets), so libs/ is its input too.
  web: {
    inputs: [...SHARED, 'apps/web', 'libs'],
    output: 'dist/web/index.html',
    command: 'npx vite build apps/web --logLevel warn',
  },
};
// Outside dist/: `nest build` empties dist/ before it writes.
const STAMPS = 'node_modules/.cache/sheber-build';

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function inputsHash(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function stampPath(part) {
  return join(STAMPS, `${part}.sha256`);
}

const stale = Object.entries(PARTS).flatMap(([part, { inputs, output }]) => {
  const hash = inputsHash(inputs);
  const recorded = existsSync(stampPath(part)) ? readFileSync(stampPath(part), 'utf8') : '';
  return recorded === hash && existsSync(output) ? [] : [[part, hash]];
});

if (process.argv.includes('--check')) {
  console.log(
    stale.length ? `would build: ${stale.map(([part]) => part).join(', ')}` : 'up to date',
  );
  process.exit(0);
}
if (stale.length === 0) {
  console.log('The build is up to date.');
  process.exit(0);
}

mkdirSync(STAMPS, { recursive: true });
const building = new Set(stale.map(([part]) => part));
console.log(`Building ${[...building].join(' and ')}…`);
// A server build empties dist/: keep an up-to-date web build across it.
const keptWeb = 'dist.web-kept';
const keepWeb = building.has('server') && !building.has('web') && existsSync('dist/web');
if (keepWeb) {
  rmSync(keptWeb, { recursive: true, force: true });
  renameSync('dist/web', keptWeb);
}
try {
  for (const [part, hash] of stale) {
    rmSync(stampPath(part), { force: true });
    execSync(PARTS[part].command, { stdio: 'inherit' });
    writeFileSync(stampPath(part), hash);
  }
} finally {
  if (keepWeb) {
    rmSync('dist/web', { recursive: true, force: true });
    renameSync(keptWeb, 'dist/web');
  }
}
