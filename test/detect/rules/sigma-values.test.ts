import { describe, expect, it } from 'vitest';
import { regexTest, stringTest, type StringMatch } from '../../../src/detect/rules/sigma/sigma-values.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/**
 * The specification's reading of a Sigma string, written the obvious way: `\*`, `\?`, `\\` are literal, a lone
 * backslash is itself, `*` any run, `?` one character; the modifiers add `*` around the value. (A regular expression
 * is fine here: the strings are a few characters long.)
 */
function reference(value: string, match: StringMatch): RegExp {
  let source = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] as string;
    const next = value[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      source += `\\${next}`;
      i += 1;
    } else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  const before = match.anchor === 'end' || match.anchor === 'anywhere' ? '[\\s\\S]*' : '';
  const after = match.anchor === 'start' || match.anchor === 'anywhere' ? '[\\s\\S]*' : '';
  return new RegExp(`^${before}${source}${after}$`, match.cased ? 'u' : 'iu');
}

describe('Sigma string values (property: the wildcard matcher agrees with the specification read as a regular expression)', () => {
  const alphabet = ['a', 'A', 'b', 'B', '*', '?', '\\', '/', '.'];
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('seed %i', (seed) => {
    const rnd = seededRandom(seed);
    const text = (max: number) =>
      Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(
        '',
      );
    for (let n = 0; n < 300; n += 1) {
      const value = text(6);
      const match: StringMatch = {
        anchor: (['whole', 'start', 'end', 'anywhere'] as const)[Math.floor(rnd() * 4)]!,
        cased: rnd() < 0.5,
      };
      const field = text(8);
      expect(
        stringTest(value, match)(field),
        `${JSON.stringify(value)} ${JSON.stringify(match)} on ${JSON.stringify(field)}`,
      ).toBe(reference(value, match).test(field));
    }
  });
});

describe('|re values', () => {
  it('search anywhere, case-sensitive unless i; m and s as in PCRE', () => {
    expect(regexTest('Stop', { ignoreCase: false, multiline: false, dotAll: false })('xxStopLogging')).toBe(true);
    expect(regexTest('stop', { ignoreCase: false, multiline: false, dotAll: false })('StopLogging')).toBe(false);
    expect(regexTest('stop', { ignoreCase: true, multiline: false, dotAll: false })('StopLogging')).toBe(true);
    expect(regexTest('^b$', { ignoreCase: false, multiline: false, dotAll: false })('a\nb')).toBe(false);
    expect(regexTest('^b$', { ignoreCase: false, multiline: true, dotAll: false })('a\nb')).toBe(true);
    expect(regexTest('a.b', { ignoreCase: false, multiline: false, dotAll: false })('a\nb')).toBe(false);
    expect(regexTest('a.b', { ignoreCase: false, multiline: false, dotAll: true })('a\nb')).toBe(true);
  });

  it('rejects what only a backtracking engine can run, saying so', () => {
    expect(() => regexTest('(a)\\1', { ignoreCase: false, multiline: false, dotAll: false })).toThrow(
      /no backreferences or lookaround/,
    );
  });
});
