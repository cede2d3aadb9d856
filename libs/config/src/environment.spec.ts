import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives every variable a local default', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/sheber');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
    expect(env.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(env.CENTRE_TIMEZONE).toBe('Asia/Almaty');
  });

  it('reads numbers from strings', () => {
    expect(validateEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('treats an empty value as unset', () => {
    expect(validateEnvironment({ PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty', /^Invalid configuration: PORT .*"eighty"/],
    ['PORT', '70000', /^Invalid configuration: PORT /],
    [
      'DATABASE_URL',
      'mysql://x',
      /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    ['REDIS_URL', 'localhost:6379', /^Invalid configuration: REDIS_URL must be a redis:\/\/ URL/],
    ['PUBLIC_BASE_URL', 'not a url', /^Invalid configuration: PUBLIC_BASE_URL /],
    ['JWT_SECRET', 'short', /^Invalid configuration: JWT_SECRET /],
    ['CENTRE_TIMEZONE', 'Mars/Olympus', /^Invalid configuration: CENTRE_TIMEZONE /],
  ])('refuses a malformed %s with one line naming it', (name, value, pattern) => {
    let message = '';
    try {
      validateEnvironment({ [name]: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      message = (error as Error).message;
    }
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV,
    ).toBe('production');
  });
});
