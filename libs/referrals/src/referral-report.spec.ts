import { describe, expect, it } from '@jest/globals';
import { summarizeReferrals } from './referral-report';

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
