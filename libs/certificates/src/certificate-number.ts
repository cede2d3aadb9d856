import { randomBytes } from 'node:crypto';

/** `SHB-2026-00042`. */
export function formatCertificateNumber(year: number, sequence: number): string {
  return `SHB-${year}-${String(sequence).padStart(5, '0')}`;
}

// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or typed is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters of 5 random bits each: 80 bits, unguessable. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** Whether a string could be a verification code at all (checked before any query). */
export function looksLikeVerificationCode(code: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(code);
}
