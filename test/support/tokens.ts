import { createHmac, randomUUID } from 'node:crypto';
import { validateEnvironment } from '../../libs/config/src';

/**
 * A token put together by hand, header and claims as given, signed with the test secret (or not
 * at all for `alg: none`): what a forger or a buggy client could send.
 */
export function handMadeToken(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');
  const body = `${encode(header)}.${encode(claims)}`;
  if (header.alg === 'none') return `${body}.`;
  const algorithm = header.alg === 'HS512' ? 'sha512' : 'sha256';
  const secret = validateEnvironment(process.env).JWT_SECRET;
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

/** The claims of a good token of the user: change or drop one to make a bad one. */
export function goodClaims(userId: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: userId, tv: 0, jti: randomUUID(), iat: now, exp: now + 600, iss: 'sheber' };
}
