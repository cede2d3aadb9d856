import { describe, expect, it } from '@jest/globals';
import {
  referralReportCsv,
  referralReportJson,
  type ReferralReportRow,
  type ReferralReportSummary,
  referralReportXlsx,
  summarizeReferrals,
} from './referral-report';

describe('summarizeReferrals', () => {
  it('adds up the counts by status, craft and outcome, and the rates over them', () => {
    const totals = summarizeReferrals([
      { status: 'completed', craft: 'felt', outcome: 'employed', count: 3 },
      { status: 'completed', craft: 'felt', outcome: 'centre_workshop', count: 1 },
      { status: 'completed', craft: 'pottery', outcome: 'unemployed', count: 2 },
      { status: 'completed', craft: 'pottery', outcome: null, count: 2 },
      { status: 'dropped', craft: 'felt', outcome: 'self_employed', count: 2 },
      { status: 'submitted', craft: 'pottery', outcome: null, count: 5 },
    ]);
    expect(totals).toMatchObject({
      referrals: 15,
      byStatus: { completed: 8, dropped: 2, submitted: 5, accepted: 0 },
      byCraft: { felt: 6, pottery: 9 },
      byOutcome: { employed: 3, centre_workshop: 1, unemployed: 2, self_employed: 2 },
      completionRate: 0.8,
      // A dropped trainee who found work is not employed after completion.
      employedAfterCompletion: 4,
      employmentRate: 0.5,
    });
  });

  it('has no rates for a period where nothing ended', () => {
    expect(summarizeReferrals([])).toMatchObject({
      referrals: 0,
      completionRate: null,
      employmentRate: null,
    });
  });
});

const row = (i: number): ReferralReportRow => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  number: `N-${i}`,
  employmentCenter: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' },
  lastName: 'Жұмабаева',
  firstName: 'Әлия',
  patronymic: null,
  iin: '********1234',
  craft: 'felt',
  course: null,
  groupCode: null,
  startDate: null,
  endDate: null,
  status: 'submitted',
  attendanceRate: null,
  certificateNumber: null,
  certificateStatus: null,
  outcome: null,
  outcomeDate: null,
  referredOn: '2026-11-30',
});

const SUMMARY: ReferralReportSummary = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  employmentCenterId: null,
  totals: summarizeReferrals([]),
};

/** `count` batches of 500 rows; `state` says how many were read and whether reading ended. */
function batchesOf(count: number, failAt?: number) {
  const state = { read: 0, closed: false };
  async function* batches(): AsyncGenerator<ReferralReportRow[]> {
    try {
      for (let b = 0; b < count; b += 1) {
        if (b === failAt) throw new Error('the database went away');
        await new Promise((resolve) => setImmediate(resolve));
        state.read += 1;
        yield Array.from({ length: 500 }, (_, i) => row(b * 500 + i));
      }
    } finally {
      state.closed = true;
    }
  }
  return { batches: batches(), state };
}

const files = {
  json: (batches: AsyncIterable<ReferralReportRow[]>) => referralReportJson(SUMMARY, batches),
  csv: (batches: AsyncIterable<ReferralReportRow[]>) => referralReportCsv(batches, 'ru', {}),
  xlsx: (batches: AsyncIterable<ReferralReportRow[]>) =>
    referralReportXlsx(SUMMARY, batches, 'ru', {}),
};

describe.each(Object.entries(files))('the %s file, written as the rows are read', (_, write) => {
  it('stops reading rows when its reader goes away', async () => {
    const { batches, state } = batchesOf(1000);
    const file = write(batches);
    await new Promise((resolve) => file.once('data', resolve));
    file.destroy();
    for (let i = 0; i < 200 && !state.closed; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(state.closed).toBe(true);
    expect(state.read).toBeLessThan(1000);
  });

  it('fails, instead of ending as if whole, when the rows fail', async () => {
    const { batches } = batchesOf(5, 2);
    const file = write(batches);
    await expect(
      (async () => {
        for await (const chunk of file) void chunk;
      })(),
    ).rejects.toThrow('the database went away');
  });
});

describe('the JSON report, written as the rows are read', () => {
  async function text(batches: AsyncIterable<ReferralReportRow[]>): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of referralReportJson(SUMMARY, batches)) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }

  it('is the document the summary and all its rows make, whatever the batches', async () => {
    async function* uneven(): AsyncGenerator<ReferralReportRow[]> {
      for (const batch of [[row(0), row(1)], [], [row(2)]]) {
        await new Promise((resolve) => setImmediate(resolve));
        yield batch;
      }
    }
    const written = await text(uneven());
    expect(written).toBe(JSON.stringify({ ...SUMMARY, rows: [row(0), row(1), row(2)] }));
  });

  it('has an empty array of rows for a period without referrals', async () => {
    async function* none(): AsyncGenerator<ReferralReportRow[]> {}
    expect(JSON.parse(await text(none()))).toEqual({ ...SUMMARY, rows: [] });
  });
});

describe('the CSV report, in its language', () => {
  it('names each employment centre in the report’s language', async () => {
    async function* one(): AsyncGenerator<ReferralReportRow[]> {
      await new Promise((resolve) => setImmediate(resolve));
      yield [row(0)];
    }
    for (const [language, name] of [
      ['kk', 'Қарағанды'],
      ['ru', 'Караганда'],
    ] as const) {
      const chunks: Buffer[] = [];
      for await (const chunk of referralReportCsv(one(), language, {}))
        chunks.push(Buffer.from(chunk));
      const [, line] = Buffer.concat(chunks).toString('utf8').split('\r\n');
      expect(line).toContain(`,${name},`);
      expect(line).not.toContain('Karaganda');
    }
  });
});
