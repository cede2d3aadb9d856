import { describe, expect, it } from '@jest/globals';
import type { AttendanceJournal } from '@sheber/lessons';
import {
  canonicalJson,
  documentInputsHash,
  isLarge,
  LARGE_JOURNAL_LESSONS,
} from './document-inputs';

function journal(lessons: number, overrides: Partial<AttendanceJournal> = {}): AttendanceJournal {
  return {
    code: 'G-1',
    courseTitle: 'Киіз басу',
    craft: { kk: 'Киіз', ru: 'Войлок' },
    master: null,
    startDate: '2026-09-01',
    endDate: '2026-12-20',
    printedOn: '2026-11-30',
    lessons: Array.from({ length: lessons }, (_, i) => ({
      id: `l${i}`,
      date: '2026-09-01',
      startTime: '10:00',
      held: true,
    })),
    rows: [{ name: 'Әлиева Ұлан', iin: '********1234', marks: {}, attendanceRate: null }],
    ...overrides,
  };
}

describe('document inputs', () => {
  it('a journal is large past 60 lessons', () => {
    expect(isLarge({ kind: 'attendance_journal', journal: journal(LARGE_JOURNAL_LESSONS) })).toBe(
      false,
    );
    expect(
      isLarge({ kind: 'attendance_journal', journal: journal(LARGE_JOURNAL_LESSONS + 1) }),
    ).toBe(true);
  });

  it('the print date does not change the hash; a mark does, in whatever order marks come', () => {
    const hash = (j: AttendanceJournal) =>
      documentInputsHash({ kind: 'attendance_journal', journal: j });
    const base = journal(3);
    expect(hash({ ...base, printedOn: '2027-01-01' })).toBe(hash(base));
    const marked = (marks: AttendanceJournal['rows'][number]['marks']) =>
      hash({ ...base, rows: [{ ...base.rows[0]!, marks }] });
    expect(marked({ l0: 'present' })).not.toBe(hash(base));
    expect(marked({ l0: 'present', l1: 'absent' })).toBe(marked({ l1: 'absent', l0: 'present' }));
    expect(marked({ l0: 'present' })).not.toBe(marked({ l0: 'late' }));
  });

  it('canonical JSON sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });
});
