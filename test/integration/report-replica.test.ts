import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freshIin } from '../factories/catalog';
import { createEmploymentCenter, signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';
import { databaseUrl, onServer, templateName, workerDatabaseName } from '../support/test-databases';

// DATABASE_REPLICA_URLS names a second database (a clone of the migrated template) that stands
// for a streaming replica: it holds a referral the primary does not, so an answer that shows it
// was read from the replica, and one that lacks it from the primary.
const runId = process.env.SHEBER_TEST_RUN!;
const replicaName = `${workerDatabaseName(runId, process.env.JEST_WORKER_ID ?? '1')}_replica`;
const replicaUrl = databaseUrl(replicaName);
const MARKER = `Replicaeva ${randomUUID().slice(0, 8)}`;
const PERIOD = 'from=2001-01-01&to=2001-12-31';

async function onReplica<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: replicaUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

async function referralsNamed(client: pg.Client | TestApp, lastName: string): Promise<number> {
  const sql = 'SELECT count(*)::int AS n FROM referrals WHERE last_name = $1';
  const rows =
    client instanceof pg.Client
      ? (await client.query<{ n: number }>(sql, [lastName])).rows
      : await client.dataSource.query<{ n: number }[]>(sql, [lastName]);
  return rows[0]!.n;
}

beforeAll(async () => {
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${replicaName}" TEMPLATE "${templateName(runId)}"`);
  });
  await onReplica((client) =>
    client.query(
      `WITH centre AS (
         INSERT INTO employment_centers (name, region) VALUES ('Replica centre', 'Replica') RETURNING id
       ), author AS (
         INSERT INTO users (email, full_name, role, password_hash)
         VALUES ('replica-staff@test.sheber.kz', 'Replica staff', 'staff', 'x') RETURNING id
       )
       INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, craft,
                              created_by, created_at)
       SELECT centre.id, 'R-1', $1, $2, 'Marker', 'felt', author.id, '2001-06-01T10:00:00Z'
         FROM centre, author`,
      [freshIin(), MARKER],
    ),
  );
});

afterAll(async () => {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`));
});

describe('with DATABASE_REPLICA_URLS', () => {
  let t: TestApp;
  let staff: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_REPLICA_URLS: replicaUrl });
    staff = (await signedIn(t, 'staff')).token;
    const centre = await createEmploymentCenter(t.dataSource, `Primary ${randomUUID()}`);
    officer = (await signedIn(t, 'officer', { employmentCenterId: centre.id })).token;
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads the period report, as JSON and as CSV, from the replica', async () => {
    expect(await referralsNamed(t, MARKER)).toBe(0);
    const json = await t.http().get(`/api/referrals/report?${PERIOD}`).set(bearer(staff));
    expect(json.status).toBe(200);
    expect(json.body.totals.referrals).toBe(1);
    expect(json.body.rows).toEqual([expect.objectContaining({ lastName: MARKER })]);
    const csv = await t
      .http()
      .get(`/api/referrals/report?${PERIOD}&format=csv&lang=en`)
      .set(bearer(staff));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(MARKER);
  });

  it('writes to the primary, and lists referrals from it', async () => {
    const lastName = `Primaryeva ${randomUUID().slice(0, 8)}`;
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(officer))
      .send({
        number: `P-${randomUUID().slice(0, 8)}`,
        person: { iin: freshIin(), lastName, firstName: 'Aigul' },
        craft: 'felt',
      });
    expect(created.status).toBe(201);
    expect(await referralsNamed(t, lastName)).toBe(1);
    expect(await onReplica((client) => referralsNamed(client, lastName))).toBe(0);
    // The list is not a report: it reads the primary, so the new referral is there at once.
    const list = await t
      .http()
      .get(`/api/referrals?search=${encodeURIComponent(lastName)}`)
      .set(bearer(officer));
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(lastName);
  });
});

describe('without DATABASE_REPLICA_URLS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads the report from the one database, as before', async () => {
    expect(t.dataSource.driver.isReplicated).toBe(false);
    const staff = (await signedIn(t, 'staff')).token;
    const json = await t.http().get(`/api/referrals/report?${PERIOD}`).set(bearer(staff));
    expect(json.status).toBe(200);
    expect(json.body.totals.referrals).toBe(0);
    expect(JSON.stringify(json.body)).not.toContain(MARKER);
  });
});
