// Exits 0 when the database needs nothing from `npm start`: every migration of the build has run
// and it has users (so demo data would not be loaded). Saves the start of the TypeORM command line
// and of the seeding command on a restart; on any doubt (exit 1) start.sh runs both as usual.
import pg from 'pg';
import built from '../dist/migrations/index.js';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let ready = false;
try {
  await client.connect();
  const { rows } = await client.query('SELECT name FROM migrations');
  const ran = new Set(rows.map((row) => row.name));
  const pending = built.MIGRATIONS.filter((migration) => !ran.has(migration.name));
  const users = await client.query('SELECT EXISTS (SELECT 1 FROM users) AS any');
  ready = pending.length === 0 && users.rows[0].any === true;
} catch {
  ready = false;
} finally {
  await client.end().catch(() => undefined);
}
process.exit(ready ? 0 : 1);
