import { describe, expect, it } from '@jest/globals';
import {
  formatCertificateNumber,
  looksLikeVerificationCode,
  newVerificationCode,
} from './certificate-number';

describe('certificate numbers and codes', () => {
  it('formats SHB-YYYY-NNNNN', () => {
    expect(formatCertificateNumber(2026, 42)).toBe('SHB-2026-00042');
    expect(formatCertificateNumber(2027, 123456)).toBe('SHB-2027-123456');
  });

  it('makes 16-character codes of 80 random bits that never repeat in practice', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newVerificationCode));
    expect(codes.size).toBe(10_000);
    for (const code of [...codes].slice(0, 100)) expect(looksLikeVerificationCode(code)).toBe(true);
    expect(looksLikeVerificationCode('SHB-2026-00001')).toBe(false);
    expect(looksLikeVerificationCode('ILOU000000000000')).toBe(false);
  });
});
