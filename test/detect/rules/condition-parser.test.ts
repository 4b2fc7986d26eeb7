import { describe, expect, it } from 'vitest';
import { ConditionSyntaxError, parseCondition } from '../../../src/detect/rules/condition-parser.ts';
import type { StepMeter } from '../../../src/checks/policy/index.ts';
import { globMatcher } from '../../../src/detect/rules/operators.ts';

function syntaxError(text: string): { message: string; at: number } {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return { message: error.message, at: error.at };
    throw error;
  }
  throw new Error('parsed');
}

describe('condition parser', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(parseCondition('not a and b or c')).toEqual({
      kind: 'or',
      items: [
        {
          kind: 'and',
          items: [
            { kind: 'not', item: { kind: 'ref', name: 'a', at: 4 } },
            { kind: 'ref', name: 'b', at: 10 },
          ],
        },
        { kind: 'ref', name: 'c', at: 15 },
      ],
    });
  });

  it('reads comparisons without spaces, quoted values with escapes, field arguments and == as =', () => {
    expect(parseCondition('ct.user.identitytype!="Assumed\\"Role"')).toMatchObject({
      kind: 'cmp',
      field: 'ct.user.identitytype',
      op: '!=',
      value: { text: 'Assumed"Role', quoted: true },
    });
    expect(parseCondition("json.value[/requestParameters/x]='a b'")).toMatchObject({
      field: 'json.value',
      arg: '/requestParameters/x',
      op: '=',
      value: { text: 'a b' },
    });
    expect(parseCondition('ct.name==X')).toMatchObject({ op: '=', value: { text: 'X', quoted: false } });
    expect(parseCondition('ct.src = ecs.amazonaws.com')).toMatchObject({ value: { text: 'ecs.amazonaws.com' } });
    expect(parseCondition('s3.bytes>=10')).toMatchObject({ op: '>=', value: { text: '10' } });
  });

  it('reads word operators, lists and exists', () => {
    expect(parseCondition('ct.name in (A, "B C", lst)')).toMatchObject({
      op: 'in',
      values: [{ text: 'A' }, { text: 'B C', quoted: true }, { text: 'lst', quoted: false }],
    });
    expect(parseCondition('ct.name in ()')).toMatchObject({ op: 'in', values: [] });
    expect(parseCondition('not ct.error exists')).toMatchObject({ kind: 'not', item: { kind: 'cmp', op: 'exists' } });
    for (const op of ['contains', 'icontains', 'startswith', 'endswith', 'glob']) {
      expect(parseCondition(`ct.user ${op} x`)).toMatchObject({ op });
    }
    expect(parseCondition('ct.srcip pmatch (/a, /b)')).toMatchObject({ op: 'pmatch' });
    expect(parseCondition('ct.name intersects (A)')).toMatchObject({ op: 'intersects' });
  });

  it('reports the offset of the problem', () => {
    expect(syntaxError('a and')).toEqual({
      message: 'expected a field, a macro or "(" but found the end of the condition',
      at: 5,
    });
    expect(syntaxError('(a or b')).toEqual({ message: 'expected ")" but found the end of the condition', at: 7 });
    expect(syntaxError('a b')).toEqual({
      message: 'unexpected "b"; expected "and", "or" or the end of the condition',
      at: 2,
    });
    expect(syntaxError('ct.name in A')).toEqual({ message: 'expected "(" after "in" but found "A"', at: 11 });
    expect(syntaxError('ct.name = "open')).toEqual({ message: 'unterminated quoted string', at: 10 });
    expect(syntaxError('ct.name in (A B)')).toEqual({
      message: 'expected "," or ")" in the list after "in" but found "B"',
      at: 14,
    });
    expect(syntaxError('json.value[/x')).toEqual({ message: 'missing "]" after field argument', at: 10 });
    expect(syntaxError('   ')).toEqual({ message: 'the condition is empty', at: 0 });
  });
});

describe('glob', () => {
  it('matches like fnmatch without FNM_PATHNAME', () => {
    expect(globMatcher('Put*Policy')('PutBucketPolicy')).toBe(true);
    expect(globMatcher('arn:aws:s3:::*')('arn:aws:s3:::a/b/c')).toBe(true);
    expect(globMatcher('Get?bject')('GetObject')).toBe(true);
    expect(globMatcher('[!D]elete*')('Delete')).toBe(false);
    expect(globMatcher('a.b')('axb')).toBe(false);
  });

  it('a range written backwards matches nothing instead of failing to compile', () => {
    expect(globMatcher('[z-a]x')('mx')).toBe(false);
    expect(globMatcher('[a-z]x')('mx')).toBe(true);
  });

  it('decides a many-star glob against a long event value within (glob + 1) × (value + 1) steps', () => {
    // as a regular expression (^.*a.*a…b$) this backtracks through every way to split the value
    const glob = `${'*a'.repeat(50)}*b`;
    const value = 'a'.repeat(10_000);
    const meter: StepMeter = { steps: 0 };
    expect(globMatcher(glob)(value, meter)).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual((glob.length + 1) * (value.length + 1));
  });
});
