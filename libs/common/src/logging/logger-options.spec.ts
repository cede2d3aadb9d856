import { describe, expect, it } from '@jest/globals';
import { maskIins, redactUrl } from './logger-options';

describe('maskIins', () => {
  it('masks a 12-digit number anywhere in a URL', () => {
    expect(maskIins('/api/trainees?search=880101300123&limit=5')).toBe(
      '/api/trainees?search=************&limit=5',
    );
  });

  it('leaves shorter numbers alone', () => {
    expect(maskIins('/api/groups?limit=50&offset=100')).toBe('/api/groups?limit=50&offset=100');
  });
});

describe('redactUrl', () => {
  it('leaves search terms out, since they are people’s names', () => {
    expect(redactUrl('/api/trainees?limit=5&search=%D0%96%D2%B1%D0%BC%D0%B0&offset=0')).toBe(
      '/api/trainees?limit=5&search=[redacted]&offset=0',
    );
  });
});
