// Every read path a person waits for, on the national-scale database of `npm run seed:scale`:
// p50/p95/p99 one request at a time and with 10 in flight, and the size of each answer.
//
//   npm run build && npm run seed:scale && node bench/read-paths.mjs [--runs 40] [--only referrals]
//
// Targets (issue "A national network on one installation"): p95 under 50 ms one at a time and under
// 200 ms at 10 concurrent; a year's report under 2 s. The API is started on the scale database
// (SCALE_DATABASE_URL, default sheber_scale); the bench gives a few seeded users its password.
import argon2 from 'argon2';
import pg from 'pg';
import { BENCH_PASSWORD, arg, machine, memoryOf, signIn, startApi } from './support.mjs';

const URL_ = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sheber_scale';
const RUNS = arg('runs', 40);
const CONCURRENT_TOTAL = arg('concurrent-total', 100);
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : '';
const PORT = 3100 + Math.floor(Math.random() * 500);

const client = new pg.Client({ connectionString: URL_ });
await client.connect();
const one = async (sql, params = []) => (await client.query(sql, params)).rows[0];

// Users of each role with a password the bench knows.
const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
const running = await one(
  `SELECT g.id, g.master_id FROM groups g WHERE g.status = 'in_progress'
    ORDER BY g.active_count DESC, g.code LIMIT 1`,
);
const completed = await one(
  `SELECT g.id FROM groups g WHERE g.status = 'completed'
    AND EXISTS (SELECT 1 FROM enrollments e JOIN certificates c ON c.enrollment_id = e.id WHERE e.group_id = g.id)
    ORDER BY g.start_date DESC LIMIT 1`,
);
const staff = await one(`SELECT email FROM users WHERE role = 'staff' ORDER BY email LIMIT 1`);
const master = await one(`SELECT email FROM users WHERE id = $1`, [running.master_id]);
const officer = await one(
  `SELECT u.email FROM users u WHERE u.role = 'officer' ORDER BY u.email LIMIT 1`,
);
for (const user of [staff, master, officer]) {
  await client.query(`UPDATE users SET password_hash = $2, active = true WHERE email = $1`, [
    user.email,
    hash,
  ]);
}
const trainee = await one(`SELECT iin FROM trainees ORDER BY iin OFFSET 5000 LIMIT 1`);
const certificate = await one(
  `SELECT verification_code FROM certificates ORDER BY number DESC LIMIT 1`,
);
const counts = await one(`SELECT (SELECT count(*) FROM trainees)::int AS trainees,
  (SELECT count(*) FROM attendance_marks)::int AS marks, (SELECT count(*) FROM audit_log)::int AS audit`);
const year = new Date().getUTCFullYear() - 1;

const api = await startApi(URL_, PORT);
const tokens = {
  staff: await signIn(PORT, staff.email),
  master: await signIn(PORT, master.email),
  officer: await signIn(PORT, officer.email),
};
const deep = 5000;

/** [name, role, path, kind] — `report` paths have the 2 s target. */
const PATHS = [
  ['trainees: first page', 'staff', '/api/trainees'],
  ['trainees: deep page', 'staff', `/api/trainees?offset=${deep}`],
  ['trainees: name fragment (kk)', 'staff', `/api/trainees?search=${encodeURIComponent('құдай')}`],
  ['trainees: name fragment (ru)', 'staff', `/api/trainees?search=${encodeURIComponent('иван')}`],
  ['trainees: two words', 'staff', `/api/trainees?search=${encodeURIComponent('оспанова айгер')}`],
  ['trainees: IIN', 'staff', `/api/trainees?search=${trainee.iin}`],
  ['trainees: IIN prefix', 'staff', `/api/trainees?search=${trainee.iin.slice(0, 6)}`],
  ['groups: first page', 'staff', '/api/groups'],
  ['groups: deep page', 'staff', `/api/groups?offset=${deep}`],
  ['groups: running', 'staff', '/api/groups?status=in_progress'],
  ['group: one', 'staff', `/api/groups/${running.id}`],
  ['group: roster', 'staff', `/api/groups/${running.id}/enrollments?limit=100`],
  ['group: lessons', 'staff', `/api/groups/${running.id}/lessons?limit=100`],
  ['group: attendance sheet', 'staff', `/api/groups/${running.id}/attendance`],
  ['group: certificates', 'staff', `/api/certificates?groupId=${completed.id}`],
  ['master: my groups', 'master', '/api/groups?limit=10'],
  ['master: week', 'master', '/api/lessons/mine'],
  ['referrals: staff first page', 'staff', '/api/referrals'],
  ['referrals: staff deep page', 'staff', `/api/referrals?offset=${deep}`],
  ['referrals: intake (submitted)', 'staff', '/api/referrals?status=submitted&limit=5'],
  ['referrals: officer first page', 'officer', '/api/referrals'],
  ['referrals: officer deep page', 'officer', '/api/referrals?offset=1000'],
  ['certificates: first page', 'staff', '/api/certificates'],
  ['certificates: deep page', 'staff', `/api/certificates?offset=${deep}`],
  ['dashboard: pending certificates', 'staff', '/api/certificates?status=pending&limit=5'],
  ['dashboard: failed certificates', 'staff', '/api/certificates?status=failed&limit=5'],
  ['dashboard: open groups', 'staff', '/api/groups?status=open&limit=5'],
  ['public verification', 'public', `/api/public/certificates/${certificate.verification_code}`],
  ['audit log: first page', 'admin?', '/api/audit'],
  ['audit log: deep page', 'admin?', `/api/audit?offset=${deep}`],
  ['audit log: one record', 'admin?', `/api/audit?entity=group&entityId=${running.id}`],
  [
    'report: officer, year, JSON',
    'officer',
    `/api/referrals/report?from=${year}-01-01&to=${year}-12-31`,
    'report',
  ],
  [
    'report: officer, year, XLSX',
    'officer',
    `/api/referrals/report?from=${year}-01-01&to=${year}-12-31&format=xlsx`,
    'report',
  ],
  [
    'report: staff, year, JSON',
    'staff',
    `/api/referrals/report?from=${year}-01-01&to=${year}-12-31`,
    'report',
  ],
  [
    'report: staff, year, CSV',
    'staff',
    `/api/referrals/report?from=${year}-01-01&to=${year}-12-31&format=csv`,
    'report',
  ],
  [
    'report: staff, year, XLSX',
    'staff',
    `/api/referrals/report?from=${year}-01-01&to=${year}-12-31&format=xlsx`,
    'report',
  ],
];

// The audit log is the admin's: make one.
const admin = await one(`SELECT email FROM users WHERE role = 'admin' ORDER BY email LIMIT 1`);
const adminEmail = admin?.email ?? 'bench-admin@scale.sheber.kz';
if (!admin) {
  await client.query(
    `INSERT INTO users (email, full_name, role, password_hash) VALUES ($1, 'Bench admin', 'admin', $2)`,
    [adminEmail, hash],
  );
} else {
  await client.query(`UPDATE users SET password_hash = $2 WHERE email = $1`, [adminEmail, hash]);
}
tokens['admin?'] = await signIn(PORT, adminEmail);
await client.end();

async function get(role, path) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`, {
    headers: role === 'public' ? {} : { authorization: `Bearer ${tokens[role]}` },
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, status: response.status, bytes };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const rows = [];
for (const [name, role, path, kind] of PATHS) {
  if (only && !name.includes(only)) continue;
  const runs = kind === 'report' ? Math.max(3, Math.round(RUNS / 8)) : RUNS;
  const total = kind === 'report' ? 20 : CONCURRENT_TOTAL;
  const first = await get(role, path);
  if (first.status !== 200) {
    rows.push({ name, status: first.status });
    continue;
  }
  await get(role, path);
  const sequential = [];
  for (let i = 0; i < runs; i += 1) sequential.push((await get(role, path)).ms);
  const concurrent = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < total) {
        next += 1;
        concurrent.push((await get(role, path)).ms);
      }
    }),
  );
  const row = {
    name,
    bytes: first.bytes,
    seq: [50, 95, 99].map((p) => percentile(sequential, p)),
    conc: [50, 95, 99].map((p) => percentile(concurrent, p)),
    kind,
  };
  rows.push(row);
  const limitSeq = kind === 'report' ? 2000 : 50;
  const limitConc = kind === 'report' ? Infinity : 200;
  const ok = row.seq[1] < limitSeq && row.conc[1] < limitConc;
  console.error(
    `${ok ? '  ' : '✗ '}${name.padEnd(34)} seq ${row.seq.map(fmt).join('/')}  ×10 ${row.conc.map(fmt).join('/')} ms  ${first.bytes} B`,
  );
}

// What the API holds after the run, and the most it held at any moment of it.
const { rss, peak: peakRss } = memoryOf(api.pid);
api.kill('SIGTERM');

console.log(
  `\nMachine: ${machine()}; data: ${counts.trainees} trainees, ${counts.marks} marks, ${counts.audit} audit rows`,
);
console.log(
  `Sequential: ${RUNS} requests (reports ${Math.max(3, Math.round(RUNS / 8))}); 10 concurrent: ${CONCURRENT_TOTAL} requests (reports 20)\n`,
);
console.log(
  '| path | p50 / p95 / p99 one at a time (ms) | p50 / p95 / p99 at 10 concurrent (ms) | answer |',
);
console.log('| --- | --- | --- | --- |');
for (const row of rows) {
  if (row.status) console.log(`| ${row.name} | answered ${row.status} | | |`);
  else
    console.log(
      `| ${row.name} | ${row.seq.map(fmt).join(' / ')} | ${row.conc.map(fmt).join(' / ')} | ${(row.bytes / 1024).toFixed(1)} kB |`,
    );
}
console.log(
  `\nThe API's RSS after the run: ${rss.toFixed(0)} MB (peak during it: ${peakRss.toFixed(0)} MB)`,
);
