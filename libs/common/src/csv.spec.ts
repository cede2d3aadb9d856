import { describe, expect, it } from '@jest/globals';
import { csvDocument, csvDocumentStream, type CsvRow } from './csv';

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

describe('csvDocumentStream', () => {
  const text = async (stream: NodeJS.ReadableStream): Promise<string> => {
    let out = '';
    for await (const chunk of stream) out += String(chunk);
    return out;
  };
  async function* rowsOf(rows: CsvRow[], failAfter?: number): AsyncGenerator<CsvRow> {
    for (const [i, row] of rows.entries()) {
      if (i === failAfter) throw new Error('the database went away');
      await Promise.resolve();
      yield row;
    }
  }
  const rows: CsvRow[] = [
    ['Name', 'Note'],
    ['=HYPERLINK("http://x","y")', null],
    ['a;b', '\rx'],
    ['Әлия', '-1'],
  ];

  it('writes the same document as csvDocument, for either delimiter', async () => {
    for (const delimiter of ['comma', 'semicolon'] as const) {
      expect(await text(csvDocumentStream(rowsOf(rows), delimiter))).toBe(
        csvDocument(rows, delimiter),
      );
    }
  });

  it('fails the stream, instead of ending it, when the rows fail', async () => {
    await expect(text(csvDocumentStream(rowsOf(rows, 2)))).rejects.toThrow(
      'the database went away',
    );
  });
});
