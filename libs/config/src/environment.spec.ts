import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, trustProxyOption, validateEnvironment } from './environment';

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

  it('reads a comma list of replicas, none by default', () => {
    expect(validateEnvironment({}).DATABASE_REPLICA_URLS).toBe('');
    const list = 'postgres://replica-1:5432/sheber, postgresql://u:p@replica-2/sheber';
    expect(validateEnvironment({ DATABASE_REPLICA_URLS: list }).DATABASE_REPLICA_URLS).toBe(list);
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
    [
      'DATABASE_REPLICA_URLS',
      'postgres://replica-1/sheber,mysql://replica-2/sheber',
      /^Invalid configuration: DATABASE_REPLICA_URLS must be empty or a comma list of postgres:\/\/ URLs/,
    ],
    ['REDIS_URL', 'localhost:6379', /^Invalid configuration: REDIS_URL must be a redis:\/\/ URL/],
    ['PUBLIC_BASE_URL', 'not a url', /^Invalid configuration: PUBLIC_BASE_URL /],
    ['JWT_SECRET', 'short', /^Invalid configuration: JWT_SECRET /],
    ['CENTRE_TIMEZONE', 'Mars/Olympus', /^Invalid configuration: CENTRE_TIMEZONE /],
    ['CERTIFICATE_STORAGE', 'ftp', /^Invalid configuration: CERTIFICATE_STORAGE /],
    ['S3_ENDPOINT', 'minio:9000', /^Invalid configuration: S3_ENDPOINT /],
    ['S3_BUCKET', 'Not_A_Bucket', /^Invalid configuration: S3_BUCKET must be a bucket name/],
    ['S3_PREFIX', '/root', /^Invalid configuration: S3_PREFIX /],
    ['S3_PREFIX', 'a/../b', /^Invalid configuration: S3_PREFIX must not hold \. or \.\. segments/],
    [
      'S3_FORCE_PATH_STYLE',
      'yes',
      /^Invalid configuration: S3_FORCE_PATH_STYLE must be true or false/,
    ],
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

  it('keeps certificates in the local directory unless told otherwise', () => {
    const env = validateEnvironment({});
    expect(env.CERTIFICATE_STORAGE).toBe('local');
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('reads the S3 settings, and refuses S3 without a bucket or with half a key pair', () => {
    const env = validateEnvironment({
      CERTIFICATE_STORAGE: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'sheber-certificates',
      S3_PREFIX: 'karaganda/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(env).toMatchObject({ CERTIFICATE_STORAGE: 's3', S3_FORCE_PATH_STYLE: true });
    expect(() => validateEnvironment({ CERTIFICATE_STORAGE: 's3' })).toThrow(
      'Invalid configuration: S3_BUCKET must be set when CERTIFICATE_STORAGE is s3',
    );
    expect(() => validateEnvironment({ S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/,
    );
  });

  it('takes a Redis prefix in braces, a Redis Cluster hash tag', () => {
    expect(validateEnvironment({ REDIS_PREFIX: '{sheber}' }).REDIS_PREFIX).toBe('{sheber}');
    expect(() => validateEnvironment({ REDIS_PREFIX: '{sheber' })).toThrow(/REDIS_PREFIX/);
  });

  it.each([
    ['', false],
    ['true', true],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
  ])('reads TRUST_PROXY %j as %j', (value, option) => {
    expect(trustProxyOption(validateEnvironment({ TRUST_PROXY: value }))).toEqual(option);
  });

  it('refuses a TRUST_PROXY that is no address', () => {
    expect(() => validateEnvironment({ TRUST_PROXY: 'everyone' })).toThrow(
      /^Invalid configuration: TRUST_PROXY /,
    );
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV,
    ).toBe('production');
  });
});
