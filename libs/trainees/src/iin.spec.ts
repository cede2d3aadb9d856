import { describe, expect, it } from '@jest/globals';
import { ageOn, checkIin, iinCheckDigit, makeIin, maskIin } from './iin';

describe('checkIin', () => {
  // Check digits worked out by hand with the published weights.
  it.each([
    ['900101300017', '1990-01-01', 'male'],
    ['880515400018', '1988-05-15', 'female'],
    ['050228500011', '2005-02-28', 'male'],
    ['900101300811', '1990-01-01', 'male'], // first round gives 10; the second gives 1
    ['900101300823', '1990-01-01', 'male'], // first round gives 10; the second gives 3
  ])('accepts %s and reads birth date and sex from it', (iin, birthDate, sex) => {
    expect(checkIin(iin)).toEqual({ ok: true, facts: { birthDate, sex } });
  });

  it('uses the second round of weights when the first gives 10', () => {
    // 00000000001 weighs 11 in round one → 0, so search for a number whose first round gives 10.
    let head = '';
    for (let serial = 0; serial < 10000; serial += 1) {
      const candidate = `900101300${String(serial).padStart(2, '0')}`.slice(0, 11);
      const firstRound = [...candidate].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11;
      if (firstRound === 10) {
        head = candidate;
        break;
      }
    }
    expect(head).not.toBe('');
    const second =
      [...head].reduce((s, d, i) => s + Number(d) * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) %
      11;
    expect(iinCheckDigit(head)).toBe(second === 10 ? null : second);
    if (second !== 10) expect(checkIin(`${head}${second}`).ok).toBe(true);
  });

  it('refuses a number whose both rounds give 10', () => {
    let found = false;
    for (let serial = 0; serial < 10000 && !found; serial += 1) {
      const head = `9001013${String(serial).padStart(4, '0')}`;
      if (iinCheckDigit(head) === null) {
        found = true;
        for (let digit = 0; digit <= 9; digit += 1) {
          expect(checkIin(`${head}${digit}`)).toEqual({ ok: false, problem: 'checksum' });
        }
      }
    }
    expect(found).toBe(true);
  });

  it.each([
    ['90010130001', 'length'],
    ['9001013000155', 'length'],
    ['90010130001a', 'digits'],
    ['900101 00015', 'digits'],
    ['900101000015', 'century'],
    ['900101700015', 'century'],
    ['901301300015', 'date'],
    ['900230300015', 'date'],
    ['010229500013', 'date'],
  ])('refuses %s: %s', (iin, problem) => {
    expect(checkIin(iin)).toEqual({ ok: false, problem });
  });

  it('refuses a wrong check digit', () => {
    const valid = makeIin('1990-01-01', 'male', 1);
    const wrong = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;
    expect(checkIin(wrong)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(checkIin(makeIin('2004-02-29', 'female', 7))).toEqual({
      ok: true,
      facts: { birthDate: '2004-02-29', sex: 'female' },
    });
  });
});

describe('makeIin', () => {
  it('makes valid numbers for every century and sex', () => {
    for (const birthDate of ['1899-12-31', '1950-06-15', '2010-03-01']) {
      for (const sex of ['male', 'female'] as const) {
        for (let serial = 0; serial < 50; serial += 1) {
          const result = checkIin(makeIin(birthDate, sex, serial));
          expect(result).toEqual({ ok: true, facts: { birthDate, sex } });
        }
      }
    }
  });
});

describe('maskIin and ageOn', () => {
  it('keeps only the last four digits', () => {
    expect(maskIin('900101300015')).toBe('********0015');
  });

  it('counts whole years', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
  });
});
