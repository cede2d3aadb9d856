/**
 * The Kazakhstan individual identification number (IIN): 12 digits, YYMMDD birth date, a 7th
 * digit for century and sex, and a check digit computed with weights 1..11 mod 11, or, when that
 * gives 10, with weights 3..11,1,2; a second 10 means the number cannot be valid.
 */
export type IinProblem = 'length' | 'digits' | 'century' | 'date' | 'checksum';

export interface IinFacts {
  birthDate: string;
  sex: 'male' | 'female';
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of the first 11 digits, or null when both weight rounds give 10. */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weigh = (weights: number[]): number =>
    digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
  const first = weigh(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weigh(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

const CENTURY: Record<string, number> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

export function checkIin(
  iin: string,
): { ok: true; facts: IinFacts } | { ok: false; problem: IinProblem } {
  if (iin.length !== 12) return { ok: false, problem: 'length' };
  if (!/^\d{12}$/.test(iin)) return { ok: false, problem: 'digits' };
  const centuryDigit = iin[6]!;
  const century = CENTURY[centuryDigit];
  if (century === undefined) return { ok: false, problem: 'century' };
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, problem: 'date' };
  }
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11]))
    return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    facts: {
      birthDate: `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
      sex: Number(centuryDigit) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** `********1234`: what lists show instead of the IIN. */
export function maskIin(iin: string): string {
  return `********${iin.slice(-4)}`;
}

/**
 * A valid IIN for a birth date and sex, with `serial` (0–9999) in digits 8–11: for demo data and
 * tests. Serials whose check digit cannot exist are skipped.
 */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const century = Number(year.slice(0, 2));
  const base = century === 18 ? 1 : century === 19 ? 3 : 5;
  const centuryDigit = base + (sex === 'female' ? 1 : 0);
  for (let s = serial; ; s += 1) {
    const first11 = `${year.slice(2)}${month}${day}${centuryDigit}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
