import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR that hides one) as a formula.
 * Prefixing a single quote makes it text in Excel, LibreOffice and Google Sheets.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/** RFC 4180 CSV (CRLF line ends, quoted when needed) with every cell neutralised. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const records: string[][] = [header.map(neutraliseCell)];
  for (const row of rows) records.push(row.map((cell) => neutraliseCell(cell === null || cell === undefined ? '' : String(cell))));
  return stringify(records, { record_delimiter: 'windows' });
}

/** One CSV line, for writers that stream rows instead of building the whole document. */
export function csvLine(row: readonly CsvCell[]): string {
  return stringify([row.map((cell) => neutraliseCell(cell === null || cell === undefined ? '' : String(cell)))], {
    record_delimiter: 'windows',
  });
}
