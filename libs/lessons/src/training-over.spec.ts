import { describe, expect, it } from '@jest/globals';
import { trainingNotOver } from './completion.service';

const progress = (planned: number, held: number, unmarked: number) => ({
  planned,
  held,
  unmarked,
  lastLessonDate: planned ? '2026-12-20' : null,
});

describe('trainingNotOver', () => {
  it('is too early while a planned lesson is still to come, whatever is marked', () => {
    expect(trainingNotOver(progress(10, 9, 0), '2026-12-20', '2026-12-19')).toBe(
      'group.completion_too_early',
    );
    expect(trainingNotOver(progress(10, 9, 3), '2026-12-20', '2026-12-19')).toBe(
      'group.completion_too_early',
    );
  });

  it('waits for the marks once every lesson has taken place', () => {
    expect(trainingNotOver(progress(10, 10, 1), '2026-12-20', '2026-12-20')).toBe(
      'group.lessons_unmarked',
    );
  });

  it('lets a group complete once every lesson has taken place and is marked', () => {
    expect(trainingNotOver(progress(10, 10, 0), '2026-12-20', '2026-12-20')).toBeNull();
  });

  it('waits for the end date when the group has no lessons at all', () => {
    expect(trainingNotOver(progress(0, 0, 0), '2026-12-20', '2026-12-19')).toBe(
      'group.completion_too_early',
    );
    expect(trainingNotOver(progress(0, 0, 0), '2026-12-20', '2026-12-20')).toBeNull();
  });
});
