import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { addDays } from '../../libs/common/src';
import { type Timetable, timetablesOverlap } from '../../libs/groups/src/schedule';

// Enrollment checks overlaps in the database (enroll_trainee); masters, promotion and the
// timetable checks do it in TypeScript. The two must agree: compare them on many timetables.
describe('timetables_overlap (SQL) and timetablesOverlap (TypeScript)', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  function timetable(next: () => number): Timetable {
    const pick = (n: number) => Math.floor(next() * n);
    const startDate = addDays('2026-09-01', pick(30));
    // Short groups too, so that "the weekday occurs in the common days" matters.
    const endDate = addDays(startDate, pick(3) === 0 ? pick(6) : pick(90));
    const slots = 1 + pick(3);
    const schedule = Array.from({ length: slots }, () => {
      const start = 8 * 60 + pick(20) * 30;
      const end = start + 30 + pick(8) * 30;
      const time = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        weekday: 1 + pick(7),
        startTime: time(start),
        endTime: time(Math.min(end, 23 * 60)),
      };
    });
    return { startDate, endDate, schedule };
  }

  it('agree on 3000 random pairs of timetables', async () => {
    const next = random(20_261_122);
    const pairs = Array.from({ length: 3000 }, () => [timetable(next), timetable(next)] as const);
    const { rows } = await client.query<{ overlap: boolean }>(
      `SELECT timetables_overlap((p->0->>'startDate')::date, (p->0->>'endDate')::date, p->0->'schedule',
                                 (p->1->>'startDate')::date, (p->1->>'endDate')::date, p->1->'schedule') AS overlap
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(p, n)
        ORDER BY n`,
      [JSON.stringify(pairs)],
    );
    const expected = pairs.map(([a, b]) => timetablesOverlap(a, b));
    expect(rows.map((r) => r.overlap)).toEqual(expected);
    // Both answers occur, so the comparison means something.
    expect(expected.filter(Boolean).length).toBeGreaterThan(200);
    expect(expected.filter((x) => !x).length).toBeGreaterThan(300);
  });
});
