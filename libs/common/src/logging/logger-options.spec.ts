import { describe, expect, it } from '@jest/globals';
import { maskIins } from './logger-options';

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
