import { stringify } from 'csv-stringify/sync';

/** `comma` is the standard; `semicolon` is what Excel expects in Kazakh and Russian locales. */
export const CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * Rows as UTF-8 CSV with a byte-order mark (Excel then opens Cyrillic correctly) and CRLF line
 * ends. A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so
 * a spreadsheet shows it as text and never runs it as a formula.
 */
export function csvDocument(
  rows: readonly (readonly (string | null)[])[],
  delimiter: CsvDelimiter = 'comma',
): string {
  const text = stringify(
    rows.map((cells) => cells.map((cell) => cell ?? '')),
    {
      delimiter: delimiter === 'semicolon' ? ';' : ',',
      record_delimiter: 'windows',
      escape_formulas: true,
      // A lone carriage return ends a row for some readers: quote it as a line break is.
      quoted_match: /\r/,
    },
  );
  return `\uFEFF${text}`;
}
