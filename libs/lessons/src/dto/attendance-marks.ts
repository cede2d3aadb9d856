import { isUUID, maxLength } from 'class-validator';
import { type ErrorParams, type FieldError, InputValidationException } from '@sheber/common';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../entities/attendance-mark.entity';

export const MAX_MARKS = 8;
export const MAX_NOTE_LENGTH = 500;

export interface AttendanceMark {
  enrollmentId: string;
  status: AttendanceStatus;
  note: string | null;
}

const MARK_FIELDS = new Set(['enrollmentId', 'status', 'note']);
const STATUSES = new Set<unknown>(ATTENDANCE_STATUSES);

/**
 * A lesson's marks, checked and with their notes trimmed (a blank note becomes null); refused
 * like the validation pipe refuses, with every problem under its own field (`marks.2.status`).
 *
 * Checked here rather than with @ValidateNested because the marks come with every marking request:
 * class-validator's nested validation looks through every registered class for each nested
 * object, which costs more than all the rest of the request's validation.
 * See docs/decisions/0007-attendance-marks-checked-by-hand.md.
 */
export function checkedMarks(marks: readonly unknown[], field = 'marks'): AttendanceMark[] {
  const problems: FieldError[] = [];
  const problem = (path: string, code: string, params?: ErrorParams): void => {
    problems.push(params ? { field: path, code, params } : { field: path, code });
  };
  const checked = marks.map((mark, index): AttendanceMark => {
    const path = `${field}.${index}`;
    if (typeof mark !== 'object' || mark === null || Array.isArray(mark)) {
      problem(path, 'field.object');
      return { enrollmentId: '', status: 'present', note: null };
    }
    const { enrollmentId, status, note } = mark as Record<string, unknown>;
    for (const key of Object.keys(mark))
      if (!MARK_FIELDS.has(key)) problem(`${path}.${key}`, 'field.unknown');
    if (typeof enrollmentId !== 'string' || !isUUID(enrollmentId, 'all'))
      problem(`${path}.enrollmentId`, 'field.uuid');
    if (!STATUSES.has(status))
      problem(`${path}.status`, 'field.one_of', { values: ATTENDANCE_STATUSES.join(', ') });
    let trimmed: string | null = null;
    if (typeof note === 'string') {
      trimmed = note.trim() || null;
      if (trimmed !== null && !maxLength(trimmed, MAX_NOTE_LENGTH))
        problem(`${path}.note`, 'field.too_long', { max: MAX_NOTE_LENGTH });
    } else if (note !== undefined && note !== null) {
      problem(`${path}.note`, 'field.string');
    }
    return {
      enrollmentId: enrollmentId as string,
      status: status as AttendanceStatus,
      note: trimmed,
    };
  });
  if (problems.length > 0) throw new InputValidationException(problems);
  return checked;
}
