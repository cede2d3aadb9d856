import { isUUID, maxLength } from 'class-validator';
import { type FieldError, InputValidationException } from '@sheber/common';
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
  const problem = (path: string, message: string): void => {
    problems.push({ field: path, messages: [`${path} ${message}`] });
  };
  const checked = marks.map((mark, index): AttendanceMark => {
    const path = `${field}.${index}`;
    if (typeof mark !== 'object' || mark === null || Array.isArray(mark)) {
      problem(path, 'must be an object with enrollmentId and status');
      return { enrollmentId: '', status: 'present', note: null };
    }
    const { enrollmentId, status, note } = mark as Record<string, unknown>;
    for (const key of Object.keys(mark))
      if (!MARK_FIELDS.has(key)) problem(`${path}.${key}`, 'is not an accepted field');
    if (typeof enrollmentId !== 'string' || !isUUID(enrollmentId, 'all'))
      problem(`${path}.enrollmentId`, 'must be a UUID');
    if (!STATUSES.has(status))
      problem(`${path}.status`, `must be one of: ${ATTENDANCE_STATUSES.join(', ')}`);
    let trimmed: string | null = null;
    if (typeof note === 'string') {
      trimmed = note.trim() || null;
      if (trimmed !== null && !maxLength(trimmed, MAX_NOTE_LENGTH))
        problem(`${path}.note`, `must be shorter than or equal to ${MAX_NOTE_LENGTH} characters`);
    } else if (note !== undefined && note !== null) {
      problem(`${path}.note`, 'must be a string');
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
