import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Options, stringify } from 'csv-stringify';
import { stringify as stringifyAll } from 'csv-stringify/sync';

/** `comma` is the standard; `semicolon` is what Excel expects in Kazakh and Russian locales. */
export const CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type CsvRow = readonly (string | null)[];

/**
 * UTF-8 with a byte-order mark (Excel then opens Cyrillic correctly) and CRLF line ends. A cell
 * that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so a
 * spreadsheet shows it as text and never runs it as a formula.
 */
function csvOptions(delimiter: CsvDelimiter): Options {
  return {
    bom: true,
    delimiter: delimiter === 'semicolon' ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: true,
    // A lone carriage return ends a row for some readers: quote it as a line break is.
    quoted_match: /\r/,
  };
}

const cellsOf = (row: CsvRow): string[] => row.map((cell) => cell ?? '');

/** Rows as one CSV text (see csvOptions); an empty cell for null. */
export function csvDocument(rows: readonly CsvRow[], delimiter: CsvDelimiter = 'comma'): string {
  return stringifyAll(rows.map(cellsOf), csvOptions(delimiter));
}

/**
 * The same document as csvDocument, written as the rows arrive: the next rows are asked for only
 * when the reader has taken the text before them. An error of the rows destroys the stream, so a
 * reader never takes a cut file for a whole one.
 */
export function csvDocumentStream(
  rows: AsyncIterable<CsvRow>,
  delimiter: CsvDelimiter = 'comma',
): Readable {
  const stringifier = stringify(csvOptions(delimiter));
  async function* cells(): AsyncGenerator<string[]> {
    for await (const row of rows) yield cellsOf(row);
  }
  // pipeline destroys the stringifier on an error of the rows; the error reaches its reader.
  pipeline(Readable.from(cells()), stringifier).catch(() => undefined);
  return stringifier;
}
