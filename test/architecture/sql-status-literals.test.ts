import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENROLLMENT_STATUSES } from '../../libs/enrollments/src/enrollment-status';

/**
 * The database functions (libs/<lib>/src/sql) take the group statuses that allow a step as
 * parameters from TypeScript (`p_enrolling_statuses`, `p_marking_statuses`). The enrollment
 * statuses they count and set ('active', 'waitlisted') are written in the SQL: the seat-counter
 * trigger can take no parameter, and they are the enrollments table's own values, which its CHECK
 * constraint takes from ENROLLMENT_STATUSES. This test keeps those literals true to the
 * TypeScript set, so renaming a status without its SQL fails here, not in production.
 */
const root = path.resolve(process.cwd(), 'libs');

function sqlFiles(): { file: string; text: string }[] {
  return readdirSync(root).flatMap((lib) => {
    const dir = path.join(root, lib, 'src', 'sql');
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.sql'));
    } catch {
      return [];
    }
    return names.map((name) => ({
      file: `libs/${lib}/src/sql/${name}`,
      text: readFileSync(path.join(dir, name), 'utf8'),
    }));
  });
}

/** Every literal a `status` is compared with (`=`, `<>`, `IN (…)`) or given (`:=`). */
function statusLiterals(text: string): string[] {
  const code = text.replace(/--[^\n]*/g, '');
  const found: string[] = [];
  const single = /\b\w*status\b(?:\s+text)?\s*(?:=|<>|!=|:=)\s*'([^']*)'/gi;
  for (const match of code.matchAll(single)) found.push(match[1]!);
  const list = /\b\w*status\b\s+(?:NOT\s+)?IN\s*\(([^)]*)\)/gi;
  for (const match of code.matchAll(list)) {
    for (const literal of match[1]!.matchAll(/'([^']*)'/g)) found.push(literal[1]!);
  }
  return found;
}

describe('status literals in the database functions', () => {
  const files = sqlFiles();

  it('finds the functions and what they compare', () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'libs/enrollments/src/sql/enroll_trainee.sql',
        'libs/enrollments/src/sql/enrollment_seat_counters.sql',
        'libs/lessons/src/sql/mark_attendance.sql',
      ]),
    );
    const all = new Set(files.flatMap((f) => statusLiterals(f.text)));
    expect([...all].sort()).toEqual(['active', 'waitlisted']);
  });

  it('compares and sets only enrollment statuses (group statuses come as parameters)', () => {
    const known = new Set<string>(ENROLLMENT_STATUSES);
    const wrong = files.flatMap((f) =>
      statusLiterals(f.text)
        .filter((literal) => !known.has(literal))
        .map((literal) => `${f.file}: '${literal}'`),
    );
    expect(wrong).toEqual([]);
  });
});
