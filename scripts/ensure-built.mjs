// Builds once when dist/ is missing, so `npm run cli` and the migration scripts work on a fresh
// clone. After changing code, run `npm run build` yourself.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/apps/api/src/main.js')) {
  process.stderr.write('No build found: running npm run build first\n');
  execSync('npm run -s build', { stdio: 'inherit' });
}
