/**
 * The splitter's syntax check must accept exactly what JSON.parse accepts, whatever text it checked before: its
 * string scan shares the positions of the next backslash and control character between the strings of one text.
 */
import { describe, expect, it } from 'vitest';
import { jsonErrorAt, jsonValueEnd } from '../../../src/detect/pipeline/json-syntax.ts';
import { seededRandom } from '../../support/seeded-random.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const BASE = JSON.stringify({
  eventName: 'CreateUser',
  eventTime: '2024-01-01T00:00:00Z',
  requestParameters: { userName: 'a"b\\c', tags: [1, -2.5e3, true, false, null, 'x\ny'] },
  note: 'caf\u00e9 \u2028',
});
/** characters that make or break JSON in and around strings */
const SPICE = ['\\', '"', '\n', '\t', '\u0001', ' ', 'u', '\\u00', '\\u0041', '\\x', '}', ',', ':', '0'];

function mutate(next: () => number): string {
  let text = BASE;
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * text.length);
    const spice = SPICE[Math.floor(next() * SPICE.length)]!;
    text = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + spice + text.slice(at);
  }
  return text;
}

describe('jsonErrorAt', () => {
  it('accepts exactly what JSON.parse accepts, on separate texts of equal length and on records of one buffer in any order', () => {
    const next = seededRandom(20261204);
    const texts = Array.from({ length: 3000 }, () => mutate(next));
    let valid = 0;
    for (const text of texts) {
      const ok = parses(text);
      if (ok) valid++;
      expect(jsonErrorAt(text, 0, text.length) < 0, text).toBe(ok);
    }
    // the property was exercised both ways
    expect(valid).toBeGreaterThan(300);
    expect(texts.length - valid).toBeGreaterThan(300);

    // one buffer: checked forwards, then backwards (positions searched for a later record must not serve an earlier one)
    const starts: number[] = [];
    let buffer = '';
    for (const text of texts) {
      starts.push(buffer.length);
      buffer += text + '\n';
    }
    const check = (k: number): void => {
      const text = texts[k]!;
      expect(jsonErrorAt(buffer, starts[k]!, starts[k]! + text.length) < 0, text).toBe(parses(text));
    };
    for (let k = 0; k < texts.length; k++) check(k);
    for (let k = texts.length - 1; k >= 0; k--) check(k);
  });

  it('jsonValueEnd gives the end of the first value and ignores what follows it', () => {
    const text = `${BASE}{"next":`;
    expect(jsonValueEnd(text, 0, text.length)).toBe(BASE.length);
    expect(jsonValueEnd(text, 0, BASE.length - 1)).toBe(-1);
    const broken = `{"a":"x\u0001"}${BASE}`;
    expect(jsonValueEnd(broken, 0, broken.length)).toBe(-1);
  });
});
