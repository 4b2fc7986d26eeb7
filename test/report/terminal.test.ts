import { describe, expect, it } from 'vitest';
import { colourWanted, palette, renderTable, terminalWidth, wrapText } from '../../src/report/terminal.ts';

describe('colour only where it can be seen', () => {
  it('a TTY gets colour, a pipe does not; NO_COLOR turns it off, FORCE_COLOR on', () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(true);
    expect(colourWanted({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('a palette without colour paints nothing', () => {
    expect(palette(false).red('x')).toBe('x');
    expect(palette(true).red('x')).toMatch(/\u001b\[/);
  });
});

describe('width', () => {
  it('COLUMNS, else the TTY, else 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 120 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 120 }, {})).toBe(120);
    expect(terminalWidth({ isTTY: false }, {})).toBe(80);
  });

  it('wraps between words, and a long ARN after its separators', () => {
    expect(wrapText('S3 bucket policy allows public read access', 16)).toEqual([
      'S3 bucket policy',
      'allows public',
      'read access',
    ]);
    const arn = wrapText('arn:aws:iam::123456789012:role/a-very-long-role-name', 20);
    for (const line of arn) expect(line.length).toBeLessThanOrEqual(20);
    expect(arn.join('')).toBe('arn:aws:iam::123456789012:role/a-very-long-role-name');
    expect(arn[0]).toMatch(/[:/-]$/);
  });

  it('a table of 2,000 long rows fits 80 columns', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [
      `arn:aws:s3:::bucket-with-a-rather-long-name-number-${i}`,
      'CRITICAL',
      'S3 bucket policy allows public read access to everyone',
    ]);
    const text = renderTable([{ header: 'Resource' }, { header: 'Severity', min: 8 }, { header: 'Title' }], rows, {
      width: 80,
      colours: palette(false),
    });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toContain('CRITICAL');
    expect(text).not.toMatch(/\u001b\[/);
  });
});
