import { describe, expect, it } from 'vitest';
import {
  compileWildcard,
  type StepMeter,
  wildcardMatches,
  type WildcardSyntax,
} from '../../../src/checks/policy/wildcard.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** The textbook dynamic programme over (pattern position, value position): obviously right, never exponential. */
function reference(pattern: string, value: string, syntax: WildcardSyntax): boolean {
  const p = syntax.ignoreCase ? pattern.toLowerCase() : pattern;
  const v = syntax.ignoreCase ? value.toLowerCase() : value;
  // tokens: '*', '?', a literal character, or a bracket's member test
  const tokens: (string | ((c: string) => boolean))[] = [];
  for (let i = 0; i < p.length; i += 1) {
    const c = p[i] as string;
    const close =
      c === '[' && syntax.brackets ? p.indexOf(']', i + (p[i + 1] === '!' || p[i + 1] === '^' ? 3 : 2)) : -1;
    if (close < 0) {
      tokens.push(c === '*' || c === '?' ? c : `=${c}`);
      continue;
    }
    const negated = p[i + 1] === '!' || p[i + 1] === '^';
    const body = p.slice(i + (negated ? 2 : 1), close);
    const members = (x: string) => {
      for (let j = 0; j < body.length; j += 1) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          if (x >= (body[j] as string) && x <= (body[j + 2] as string)) return true;
          j += 2;
        } else if (body[j] === x) return true;
      }
      return false;
    };
    tokens.push((x) => members(x) !== negated);
    i = close;
  }
  let row = new Array<boolean>(v.length + 1).fill(false);
  row[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(v.length + 1).fill(false);
    for (let j = 0; j <= v.length; j += 1) {
      if (token === '*') next[j] = (row[j] as boolean) || (j > 0 && (next[j - 1] as boolean));
      else if (j > 0 && row[j - 1]) {
        const c = v[j - 1] as string;
        next[j] = token === '?' || (typeof token === 'string' ? token.slice(1) === c : token(c));
      }
    }
    row = next;
  }
  return row[v.length] as boolean;
}

describe('IAM wildcards', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:*Object', 's3:GetObject', true],
    ['s3:?etObject', 's3:GetObject', true],
    ['s3:?etObject', 's3:etObject', false],
    ['*', '', true],
    ['', '', true],
    ['?', '', false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.txt', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket', true],
    // regular-expression characters are literal in IAM
    ['s3:Get.bject', 's3:GetObject', false],
    ['arn:aws:s3:::b(x)', 'arn:aws:s3:::b(x)', true],
    ['[ab]', 'a', false],
    ['[ab]', '[ab]', true],
    ['a*b*c', 'a\nb\nc', true],
  ])('%s against %s: %s', (pattern, value, expected) => {
    expect(wildcardMatches(pattern, value)).toBe(expected);
  });

  it('compares case-insensitively only when asked (action names, not ARNs)', () => {
    expect(wildcardMatches('S3:get*', 's3:GetObject', { ignoreCase: true })).toBe(true);
    expect(wildcardMatches('S3:get*', 's3:GetObject')).toBe(false);
  });
});

describe('rule globs (bracket expressions)', () => {
  it.each([
    ['[abc]x', 'bx', true],
    ['[abc]x', 'dx', false],
    ['[a-c]*', 'candy', true],
    ['[!a-c]*', 'candy', false],
    ['[!a-c]*', 'dandy', true],
    ['[]a]', ']', true],
    ['[!]a]', 'b', true],
    ['[!]a]', ']', false],
    ['a[', 'a[', true],
    ['a\\*', 'a\\bc', true],
    ['[z-a]', 'm', false],
  ])('%s against %s: %s', (pattern, value, expected) => {
    expect(wildcardMatches(pattern, value, { brackets: true })).toBe(expected);
  });
});

describe('agrees with the dynamic programme on random cases', () => {
  for (const syntax of [{}, { ignoreCase: true }, { brackets: true }] as WildcardSyntax[]) {
    it(`syntax ${JSON.stringify(syntax)}`, () => {
      const next = seededRandom(17);
      const alphabet = syntax.brackets ? ['a', 'b', 'A', '*', '?', '[', ']', '!', '-'] : ['a', 'b', 'A', '*', '?', '.'];
      const pick = (chars: string[], length: number) =>
        Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('');
      for (let n = 0; n < 4000; n += 1) {
        const pattern = pick(alphabet, Math.floor(next() * 9));
        const value = pick(['a', 'b', 'A', ']', '-'], Math.floor(next() * 9));
        expect(wildcardMatches(pattern, value, syntax), `${pattern} against ${value}`).toBe(
          reference(pattern, value, syntax),
        );
      }
    });
  }
});

describe('budget: hostile patterns take at most (pattern + 1) × (value + 1) steps', () => {
  const steps = (pattern: string, value: string, syntax: WildcardSyntax = {}) => {
    const meter: StepMeter = { steps: 0 };
    const matched = compileWildcard(pattern, syntax)(value, meter);
    return { matched, steps: meter.steps };
  };

  it('a 10 KB `s3:*?*?…z` (which made the regular expression backtrack for minutes) against action names', () => {
    const pattern = `s3:${'*?'.repeat(5000)}z`;
    for (const action of ['s3:GetObject', 's3:PutBucketPolicy', `s3:${'x'.repeat(200)}z`]) {
      const run = steps(pattern, action, { ignoreCase: true });
      expect(run.matched).toBe(false);
      expect(run.steps).toBeLessThanOrEqual((pattern.length + 1) * (action.length + 1));
    }
    expect(steps(pattern, `s3:${'x'.repeat(5000)}z`).matched).toBe(true);
  });

  it('the worst case of the algorithm stays within the product bound', () => {
    const cases: [string, string][] = [
      [`*${'a'.repeat(3000)}b`, 'a'.repeat(3000)],
      [`${'*a'.repeat(2000)}*b`, 'a'.repeat(4000)],
      [`*${'?'.repeat(2000)}b`, 'c'.repeat(4000)],
      [`${'*[ab]'.repeat(1000)}c`, 'ab'.repeat(2000)],
    ];
    for (const [pattern, value] of cases) {
      const run = steps(pattern, value, { brackets: true });
      expect(run.matched).toBe(false);
      expect(run.steps).toBeLessThanOrEqual((pattern.length + 1) * (value.length + 1));
    }
  });
});

describe('backslash escapes (Sigma values)', () => {
  it.each([
    ['\\*', '*', true],
    ['\\*', 'anything', false],
    ['a\\?c', 'a?c', true],
    ['a\\?c', 'abc', false],
    ['C:\\\\*', 'C:\\Windows', true],
    ['C:\\Windows', 'C:\\Windows', true],
    ['\\\\\\*', '\\*', true],
    ['\\\\\\*', '\\x', false],
  ])('%s against %s: %s', (pattern, value, expected) => {
    expect(compileWildcard(pattern, { escapes: true })(value)).toBe(expected);
    // without the option a backslash is an ordinary character
    if (pattern === '\\*') expect(compileWildcard(pattern)('\\anything')).toBe(true);
  });
});
