import { describe, expect, it } from '@jest/globals';
import { placeholdersOf, renderMessage } from './messages';

describe('renderMessage', () => {
  it('fills in the parameters, words given in each language in the one asked for', () => {
    expect(renderMessage('Не более {max} символов', { max: 100 })).toBe('Не более 100 символов');
    const wait = { kk: '15 минуттан', ru: '15 мин', en: '15 minutes' };
    expect(renderMessage('{wait} кейін қайталаңыз', { wait }, 'kk')).toBe(
      '15 минуттан кейін қайталаңыз',
    );
  });

  it('leaves out a parameter an older throw site does not give, with its brackets or quotes', () => {
    expect(renderMessage('Группа заполнена ({group})')).toBe('Группа заполнена');
    expect(renderMessage('Сертификат аннулирован ({number}, {group})', { number: 'X' })).toBe(
      'Сертификат аннулирован',
    );
    expect(renderMessage('«{title}» курсы мұрағатта')).toBe('Курсы мұрағатта');
  });

  it('keeps brackets that hold no parameter', () => {
    expect(renderMessage('ЖСН-нің 7-цифры мүмкін емес (1–6 болуы керек)')).toBe(
      'ЖСН-нің 7-цифры мүмкін емес (1–6 болуы керек)',
    );
  });
});

describe('placeholdersOf', () => {
  it('lists each parameter once, sorted', () => {
    expect(placeholdersOf('{b} and {a}, then {b}')).toEqual(['a', 'b']);
  });
});
