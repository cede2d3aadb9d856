import { describe, expect, it } from '@jest/globals';
import {
  clearedSessionCookies,
  csrfTokensMatch,
  parseCookies,
  sessionCookies,
} from './session-cookies';

describe('session cookies', () => {
  it('reads the cookies of a header, skipping broken pairs and keeping the first of a name', () => {
    const cookies = parseCookies('a=1; sheber_session=tok%2Fen; =x; junk; b="q"; a=2; c=%E0');
    expect([...cookies.entries()]).toEqual([
      ['a', '1'],
      ['sheber_session', 'tok/en'],
      ['b', 'q'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('keeps the token httpOnly and strict on /api, and the CSRF token readable', () => {
    const [session, csrf] = sessionCookies('t.o.k', 'c1', { maxAgeSeconds: 60, secure: true });
    expect(session).toBe(
      'sheber_session=t.o.k; Path=/api; Max-Age=60; SameSite=Strict; HttpOnly; Secure',
    );
    expect(csrf).toBe('sheber_csrf=c1; Path=/; Max-Age=60; SameSite=Strict; Secure');
    expect(clearedSessionCookies(false)).toEqual([
      'sheber_session=; Path=/api; Max-Age=0; SameSite=Strict; HttpOnly',
      'sheber_csrf=; Path=/; Max-Age=0; SameSite=Strict',
    ]);
  });

  it('matches the CSRF header only to the same cookie value', () => {
    expect(csrfTokensMatch('abc', 'abc')).toBe(true);
    expect(csrfTokensMatch('abd', 'abc')).toBe(false);
    expect(csrfTokensMatch('ab', 'abc')).toBe(false);
    expect(csrfTokensMatch(undefined, 'abc')).toBe(false);
    expect(csrfTokensMatch('', '')).toBe(false);
  });
});
