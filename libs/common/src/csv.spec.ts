import { describe, expect, it } from '@jest/globals';
import { csvDocument } from './csv';

describe('csvDocument', () => {
  it('writes every cell a spreadsheet would run as a formula with a leading quote', () => {
    const cells = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(1)', '\tx', '\rx', 'Әлия'];
    const text = csvDocument([cells]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",'+1,'-1,'@SUM(1),'\tx,"'\rx",Әлия\r\n`,
    );
  });

  it('separates cells with semicolons on request and quotes a cell that holds one', () => {
    expect(csvDocument([['a;b', 'c', null]], 'semicolon')).toBe('\uFEFF"a;b";c;\r\n');
  });
});
