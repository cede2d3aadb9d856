import { describe, expect, it } from '@jest/globals';
import { type FieldError, InputValidationException } from '@sheber/common';
import { checkedMarks } from './attendance-marks';

const A = '0b6f3a52-8f0e-4c1b-9a57-3f1d2c4e5a60';
const B = 'f1e2d3c4-b5a6-4978-8a1b-2c3d4e5f6a7b';

/** The fields and codes a refusal names, in order. */
function refusal(marks: unknown[]): FieldError[] {
  try {
    checkedMarks(marks);
  } catch (error) {
    expect(error).toBeInstanceOf(InputValidationException);
    return (error as InputValidationException).fieldErrors;
  }
  throw new Error('the marks were accepted');
}

describe('checkedMarks', () => {
  it('accepts every status, trims notes and turns a blank or missing note into null', () => {
    expect(
      checkedMarks([
        { enrollmentId: A, status: 'present', note: '  came late from work ' },
        { enrollmentId: B, status: 'excused', note: '   ' },
        { enrollmentId: A, status: 'late', note: null },
        { enrollmentId: B, status: 'absent' },
      ]),
    ).toEqual([
      { enrollmentId: A, status: 'present', note: 'came late from work' },
      { enrollmentId: B, status: 'excused', note: null },
      { enrollmentId: A, status: 'late', note: null },
      { enrollmentId: B, status: 'absent', note: null },
    ]);
  });

  it('names every bad field of every mark, with the path a client can point at', () => {
    const errors = refusal([
      { enrollmentId: 'nope', status: 'sick' },
      { enrollmentId: A, status: 'present', note: 12, grade: 5 },
      'present',
      null,
      { status: 'late' },
    ]);
    expect(errors).toEqual([
      { field: 'marks.0.enrollmentId', code: 'field.uuid' },
      {
        field: 'marks.0.status',
        code: 'field.one_of',
        params: { values: 'present, late, absent, excused' },
      },
      { field: 'marks.1.grade', code: 'field.unknown' },
      { field: 'marks.1.note', code: 'field.string' },
      { field: 'marks.2', code: 'field.object' },
      { field: 'marks.3', code: 'field.object' },
      { field: 'marks.4.enrollmentId', code: 'field.uuid' },
    ]);
  });

  it('limits a note to 500 characters after trimming, counting Kazakh letters as one each', () => {
    const longest = 'ә'.repeat(500);
    expect(checkedMarks([{ enrollmentId: A, status: 'present', note: ` ${longest} ` }])).toEqual([
      { enrollmentId: A, status: 'present', note: longest },
    ]);
    expect(refusal([{ enrollmentId: A, status: 'present', note: `${longest}ә` }])).toEqual([
      { field: 'marks.0.note', code: 'field.too_long', params: { max: 500 } },
    ]);
  });

  it('refuses statuses that only look right and ids of the wrong shape', () => {
    const errors = refusal([
      { enrollmentId: A.toUpperCase(), status: 'Present' },
      { enrollmentId: `${A} `, status: 'present' },
      { enrollmentId: 42, status: ['present'] },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'marks.0.status',
      'marks.1.enrollmentId',
      'marks.2.enrollmentId',
      'marks.2.status',
    ]);
  });
});
