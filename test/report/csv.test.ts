import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/report/csv.ts';
import { escapeHtml, escapeMarkdownCell } from '../../src/report/escape.ts';

describe('CSV safety', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (cell) => {
    expect(neutraliseCell(cell).startsWith("'")).toBe(true);
  });

  it('leaves ordinary text alone', () => expect(neutraliseCell('my-bucket')).toBe('my-bucket'));

  it('round-trips commas, quotes and newlines through a CSV parser', () => {
    const tricky = 'a, "quoted"\nsecond line';
    const rows = parse(toCsv(['title', 'n'], [[tricky, 3]]));
    expect(rows).toEqual([
      ['title', 'n'],
      [tricky, '3'],
    ]);
  });
});

describe('HTML and Markdown escaping', () => {
  it('escapes markup', () =>
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;'));
  it('keeps a table row intact', () => {
    const cell = escapeMarkdownCell('a|b\n<script>');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toContain('\n');
    expect(cell).not.toContain('<script>');
  });
});
