import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The browser session: the access token in an httpOnly, SameSite=Strict cookie that page scripts
 * cannot read, and a readable CSRF cookie whose value cookie-authenticated changes must echo in
 * the X-CSRF-Token header (double submit). Bearer clients use neither.
 */
export const SESSION_COOKIE = 'sheber_session';
export const CSRF_COOKIE = 'sheber_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing, so they need no CSRF token. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The cookies of a Cookie header by name; malformed pairs are skipped, the first value wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    let value = pair.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // a value with a broken percent escape is not one of ours
    }
  }
  return cookies;
}

/** Compares the CSRF header with the CSRF cookie in constant time. */
export function csrfTokensMatch(header: unknown, cookie: string | undefined): boolean {
  if (typeof header !== 'string' || !cookie || header.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(cookie));
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

function serialize(
  name: string,
  value: string,
  { maxAgeSeconds, secure }: CookieOptions,
  extra: { httpOnly: boolean; path: string },
): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${extra.path}`,
    `Max-Age=${maxAgeSeconds}`,
    'SameSite=Strict',
  ];
  if (extra.httpOnly) parts.push('HttpOnly');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Set-Cookie values that start a session: the token for /api only, the CSRF token for the page. */
export function sessionCookies(token: string, csrf: string, options: CookieOptions): string[] {
  return [
    serialize(SESSION_COOKIE, token, options, { httpOnly: true, path: '/api' }),
    serialize(CSRF_COOKIE, csrf, options, { httpOnly: false, path: '/' }),
  ];
}

/** Set-Cookie values that end the session. */
export function clearedSessionCookies(secure: boolean): string[] {
  return sessionCookies('', '', { maxAgeSeconds: 0, secure });
}
