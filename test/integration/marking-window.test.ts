import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MASTER_MARKING_DAYS } from '../../libs/lessons/src/lesson-plan';

// The marking window lives in the database (marking_window, used by mark_attendance): its
// boundaries to the second, in the centre's time zone.
describe('marking_window', () => {
  let client: pg.Client;
  const ZONE = 'Asia/Almaty';
  // A lesson on Monday 2026-11-16 at 10:00 in Almaty (05:00 UTC).
  const window = async (now: string, zone = ZONE) =>
    (
      await client.query<{ w: string }>(
        `SELECT marking_window('2026-11-16', '2026-11-16T05:00:00Z', $1, $2, $3) AS w`,
        [now, zone, MASTER_MARKING_DAYS],
      )
    ).rows[0]!.w;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('is closed to marks before the lesson starts, and opens when it starts', async () => {
    expect(await window('2026-11-16T04:59:59Z')).toBe('not_started');
    expect(await window('2026-11-16T05:00:00Z')).toBe('open');
  });

  it('stays open through the 7th day after the lesson, local time, and closes at its midnight', async () => {
    // 2026-11-23 23:59:59 in Almaty is 18:59:59 UTC.
    expect(await window('2026-11-23T18:59:59Z')).toBe('open');
    expect(await window('2026-11-23T19:00:00Z')).toBe('closed');
  });

  it('follows the configured time zone', async () => {
    // Midnight ending 2026-11-23 in Moscow (UTC+3) is 21:00 UTC.
    expect(await window('2026-11-23T20:59:59Z', 'Europe/Moscow')).toBe('open');
    expect(await window('2026-11-23T21:00:00Z', 'Europe/Moscow')).toBe('closed');
  });
});
