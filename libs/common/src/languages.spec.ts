import { describe, expect, it } from '@jest/globals';
import { preferredLanguage } from './languages';

describe('preferredLanguage', () => {
  it('takes the heaviest of kk, ru and en, and the fallback for anything else', () => {
    expect(preferredLanguage('kk-KZ,ru;q=0.8', 'en')).toBe('kk');
    expect(preferredLanguage('de, ru;q=0.5, en;q=0.9', 'kk')).toBe('en');
    expect(preferredLanguage('fr', 'ru')).toBe('ru');
    expect(preferredLanguage(undefined, 'en')).toBe('en');
    expect(preferredLanguage('ru;q=abc, kk;q=0', 'en')).toBe('en');
  });
});
