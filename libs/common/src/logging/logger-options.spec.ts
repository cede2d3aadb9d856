import { describe, expect, it } from '@jest/globals';
import { maskIins, redactPersonal, redactUrl } from './logger-options';

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

describe('redactUrl by key', () => {
  it('keeps only harmless parameters, whatever the spelling of the others', () => {
    expect(
      redactUrl(
        '/api/trainees?search%00=Ivanov&%73earch=Ivanov&Search=Ivanov&q=Ivanov&limit=5&groupId=abc',
      ),
    ).toBe(
      '/api/trainees?search%00=[redacted]&%73earch=[redacted]&Search=[redacted]&q=[redacted]&limit=5&groupId=abc',
    );
    expect(redactUrl('/api/trainees/880101300123?limit=880101300123')).toBe(
      '/api/trainees/************?limit=************',
    );
  });
});

describe('redactPersonal', () => {
  it('replaces personal values under any key that names them, at any depth', () => {
    expect(
      redactPersonal({
        msg: 'x',
        trainee: { traineeIin: '880101300123', guardianPhone: '+7 701', name: 'A' },
        list: [{ IIN: '1' }, { accessToken: 't' }],
        err: { message: 'ok' },
      }),
    ).toEqual({
      msg: 'x',
      trainee: { traineeIin: '[redacted]', guardianPhone: '[redacted]', name: 'A' },
      list: [{ IIN: '[redacted]' }, { accessToken: '[redacted]' }],
      err: { message: 'ok' },
    });
  });
});
