import { stringify, type Options } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR that hides one) as a formula.
 * Prefixing a single quote makes it text in Excel, LibreOffice and Google Sheets.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

// csv-stringify with Windows record delimiters quotes a cell only when it holds the whole CRLF: a bare
// LF or CR went out unquoted, split the record, and the next physical line could start with a live formula.
const OPTIONS: Options = { record_delimiter: 'windows', quoted_match: /[\r\n]/ };

function cellText(cell: CsvCell): string {
  return neutraliseCell(cell === null || cell === undefined ? '' : String(cell));
}

/**
 * The one CSV writer of every command: RFC 4180 (CRLF line ends), every cell holding CR or LF
 * quoted, every cell neutralised against formula injection.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const records: string[][] = [header.map(cellText)];
  for (const row of rows) records.push(row.map(cellText));
  return stringify(records, OPTIONS);
}

/** One CSV line, for writers that stream rows instead of building the whole document. */
export function csvLine(row: readonly CsvCell[]): string {
  return stringify([row.map(cellText)], OPTIONS);
}

/**
 * One complete CSV field (quoted when it holds a comma, a quote, CR or LF; neutralised), for
 * `{{csv value}}` in report templates, where the template author writes the separators.
 */
export function csvField(cell: CsvCell): string {
  return stringify([[cellText(cell)]], { ...OPTIONS, eof: false });
}
