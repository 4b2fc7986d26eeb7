/**
 * The one colour and table helper of every human-readable terminal output (scan summary, rules, checks,
 * compliance, vulns, malware, detect). Colour only where it can be seen: a TTY, unless NO_COLOR is set;
 * FORCE_COLOR turns it on anywhere (https://no-color.org, https://force-color.org). Tables fit the width
 * of the terminal (COLUMNS, else the TTY's width, else 80) and wrap cells between words.
 */
import pc from 'picocolors';

export type Paint = (text: string) => string;

export interface Palette {
  enabled: boolean;
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  blue: Paint;
  magenta: Paint;
  cyan: Paint;
  gray: Paint;
}

interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

/** Whether output to `stream` gets ANSI colours. FORCE_COLOR=0 counts as unset, like NO_COLOR="" does. */
export function colourWanted(stream: OutputStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export function palette(enabled: boolean): Palette {
  const c = pc.createColors(enabled);
  return {
    enabled,
    bold: c.bold,
    dim: c.dim,
    red: c.red,
    green: c.green,
    yellow: c.yellow,
    blue: c.blue,
    magenta: c.magenta,
    cyan: c.cyan,
    gray: c.gray,
  };
}

/** Columns available: COLUMNS when it holds a number, else the terminal's width, else 80 (a pipe or a file). */
export function terminalWidth(stream: OutputStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  if (stream.isTTY && stream.columns && stream.columns >= 20) return stream.columns;
  return 80;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Width on screen: ANSI colour codes take none. */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Splits a word longer than a line where it can be read on: after `/`, `:`, `-`, `_`, `.`, `,` or `=` (an ARN or a
 * path stays recognisable), and only where there is no such place, after `width` characters.
 */
function splitLongWord(word: string, width: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while ([...rest].length > width) {
    const head = [...rest].slice(0, width).join('');
    let cut = -1;
    for (let i = head.length - 1; i > 0; i--) {
      if ('/:-_.,='.includes(head[i]!)) {
        cut = i + 1;
        break;
      }
    }
    if (cut <= 0) cut = head.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

/** Lines of at most `width` characters, broken between words (a word longer than a line: see splitLongWord). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      for (const piece of visibleLength(word) > width ? splitLongWord(word, width) : [word]) {
        if (line === '') line = piece;
        else if (visibleLength(line) + 1 + visibleLength(piece) <= width) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** never narrower than this (e.g. a severity word); default: the header's width */
  min?: number;
  /**
   * A cell too wide for its column keeps its start and end around an ellipsis instead of wrapping: for identifiers
   * (a resource id) whose pieces on separate lines would read as separate things.
   */
  truncate?: boolean;
}

const GAP = '  ';

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]+/).map(visibleLength));
}

/**
 * Column widths that fit `width`: every column gets what its longest cell needs when that fits; otherwise the
 * widest columns give up room, one character at a time, down to their minimum: the longest word of the column (a
 * word is never broken), or for a `truncate` column the header's width.
 */
export function fitWidths(columns: Column[], rows: string[][], width: number): number[] {
  const natural = columns.map((column, i) =>
    Math.max(
      visibleLength(column.header),
      ...rows.map((row) => Math.max(...(row[i] ?? '').split('\n').map(visibleLength))),
    ),
  );
  const minimum = columns.map((column, i) => {
    const floor = Math.max(column.min ?? 0, visibleLength(column.header), 4);
    const words = column.truncate ? 0 : Math.max(...rows.map((row) => longestWord(row[i] ?? '')));
    return Math.min(natural[i]!, Math.max(floor, words));
  });
  const widths = [...natural];
  const available = width - GAP.length * (columns.length - 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    total -= 1;
  }
  return widths;
}

function fits(widths: number[], width: number): boolean {
  return widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1) <= width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = Math.max(0, width - visibleLength(text));
  return align === 'right' ? `${' '.repeat(room)}${text}` : `${text}${' '.repeat(room)}`;
}

/** `text` in at most `width` characters: its start and end around an ellipsis when it is longer. */
export function middleEllipsis(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const tail = Math.floor((width - 1) / 2);
  return `${chars.slice(0, width - 1 - tail).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** One table row, each cell wrapped (or truncated, see Column.truncate) within its column. Trailing spaces are trimmed. */
export function tableRow(cells: string[], columns: Column[], widths: number[]): string[] {
  const wrapped = cells.map((cell, i) =>
    columns[i]?.truncate ? [middleEllipsis(cell, widths[i]!)] : wrapText(cell, widths[i]!),
  );
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    lines.push(
      wrapped
        .map((cellLines, i) => pad(cellLines[line] ?? '', widths[i]!, columns[i]!.align ?? 'left'))
        .join(GAP)
        .trimEnd(),
    );
  }
  return lines;
}

export interface TableOptions {
  width: number;
  colours: Palette;
}

/**
 * A borderless table that fits `width`: a bold header, a rule under it, then the rows. When the columns cannot fit
 * without breaking words, each row becomes a block instead: its first cell on a line, then one line per other column.
 */
export function renderTable(columns: Column[], rows: string[][], options: TableOptions): string {
  const widths = fitWidths(columns, rows, options.width);
  if (!fits(widths, options.width)) return renderRecords(columns, rows, options);
  const header = tableRow(
    columns.map((c) => c.header),
    columns,
    widths,
  ).map(options.colours.bold);
  const rule = widths.map((w) => '─'.repeat(w)).join(GAP);
  return [...header, options.colours.dim(rule), ...rows.flatMap((row) => tableRow(row, columns, widths))].join('\n');
}

function renderRecords(columns: Column[], rows: string[][], options: TableOptions): string {
  const INDENT = '  ';
  const label = Math.max(...columns.slice(1).map((c) => visibleLength(c.header)));
  const valueWidth = Math.max(10, options.width - INDENT.length - label - GAP.length);
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(...wrapText(row[0] ?? '', options.width).map(options.colours.bold));
    columns.slice(1).forEach((column, i) => {
      const value = row[i + 1] ?? '';
      if (value === '') return;
      wrapText(value, valueWidth).forEach((text, n) => {
        const head = n === 0 ? pad(column.header, label, 'left') : ' '.repeat(label);
        lines.push(`${INDENT}${options.colours.dim(head)}${GAP}${text}`.trimEnd());
      });
    });
  }
  return lines.join('\n');
}
