// Prints the demo sign-ins for `npm start`, only while the demo admin account exists and still
// has the demo password: on a real centre's database it prints nothing. Reads the built demo data
// (apps/cli/src/demo-data.ts), so the accounts are written in one place.
import argon2 from 'argon2';
import pg from 'pg';
import demo from '../dist/apps/cli/src/demo-data.js';

const { DEMO_ACCOUNTS, DEMO_PASSWORD } = demo;
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin');

async function demoAccountsPresent() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query(
      'SELECT password_hash FROM users WHERE email = $1 AND active',
      [admin.email],
    );
    return rows.length > 0 && (await argon2.verify(rows[0].password_hash, DEMO_PASSWORD));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (await demoAccountsPresent()) {
  const lines = ['', `  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`];
  for (const role of ['admin', 'staff', 'master', 'officer']) {
    const accounts = DEMO_ACCOUNTS.filter((account) => account.role === role).map((account) =>
      account.center
        ? `${account.email} (${account.center[0].toUpperCase()}${account.center.slice(1)})`
        : account.email,
    );
    if (accounts.length > 0) lines.push(`    ${role.padEnd(8)} ${accounts.join(', ')}`);
  }
  console.log(lines.join('\n'));
}
