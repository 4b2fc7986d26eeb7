import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell } from '../../src/report/escape.ts';
import { codeBlock } from '../../src/report/markdown.ts';

describe('Markdown escaping escapes only what Markdown reads', () => {
  it.each([
    'CVE-2023-44487',
    '0.82271',
    'a (b) {c} #d e+f 1.5',
    "trail's bucket",
    'x = y',
    'Upgrade openssl 3.0.7 -> 3.0.8',
    'a > b',
  ])('%s stays as written', (text) => expect(escapeMarkdownCell(text)).toBe(text));

  it.each([
    ['a|b', 'a\\|b'],
    ['line\nbreak', 'line<br>break'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<!-- hidden -->', '&lt;!-- hidden -->'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![i](http://x/p.png)', '\\!\\[i\\](http://x/p.png)'],
    ['**bold** _it_ `code` ~~gone~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~'],
    ['a\\b', 'a\\\\b'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['---', '\\---'],
    ['1. item', '1\\. item'],
    ['> quote', '\\> quote'],
    ['  > quote', '  \\> quote'],
  ])('%j becomes %j', (text, escaped) => expect(escapeMarkdownCell(text)).toBe(escaped));

  it('a code block cannot be closed by the text it holds', () => {
    const block = codeBlock('echo ```\n````\nrm', 'sh');
    expect(block.startsWith('`````sh\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});
