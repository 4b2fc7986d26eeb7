import { describe, expect, it } from 'vitest';
import {
  evaluate,
  MAX_NESTING,
  parseFilterPattern,
  stringMatches,
  type FilterExpression,
} from '../../../src/checks/monitoring/filter-pattern.ts';

function parsed(text: string): FilterExpression {
  const result = parseFilterPattern(text);
  if (!result.ok) throw new Error(result.error);
  if (result.pattern.kind !== 'json') throw new Error(`not JSON: ${result.pattern.kind}`);
  return result.pattern.expression;
}

function error(text: string): string {
  const result = parseFilterPattern(text);
  if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.pattern)}`);
  return result.error;
}

// the JSON example of AWS's "Filter pattern syntax for metric filters" page
const awsExample = {
  eventType: 'UpdateTrail',
  sourceIPAddress: '111.111.111.111',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
};

const compound = {
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [
    { id: 2, email: 'John.Doe@example.com' },
    { id: 3, email: 'Jane.Doe@example.com' },
  ],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('filter pattern parsing and evaluation', () => {
  it.each([
    ['{ $.eventType = "UpdateTrail" }', true],
    ['{ $.sourceIPAddress != 123.123.* }', true],
    ['{ $.sourceIPAddress = 111.111.* }', true],
    ['{ $.arrayKey[0] = "value" }', true],
    ['{ $.objectList[1].id = 2 }', true],
    ['{ $.SomeObject IS NULL }', true],
    ['{ $.SomeOtherObject NOT EXISTS }', true],
    ['{ $.ThisFlag IS TRUE }', true],
    ['{ $.ThisFlag IS FALSE }', false],
    ['{ $.eventType NOT EXISTS }', false],
    ['{ $.eventType = "*Trail" }', true],
    ['{ $.eventType = "Update*" }', true],
    ['{ $.eventType = "*dateTr*" }', true],
    ['{ $.eventType = *Event }', false],
    // an array or object never matches, with = or !=
    ['{ $.arrayKey = 1 }', false],
    ['{ $.arrayKey != 1 }', false],
    // a missing field does not match != either
    ['{ $.missing != "x" }', false],
  ])('%s on the AWS example is %s', (pattern, expected) => {
    expect(evaluate(parsed(pattern), awsExample)).toBe(expected);
  });

  it.each([
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true],
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false],
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', true],
    [
      '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
      false,
    ],
    ['{ $.coordinates[1][2] >= 6 && $.coordinates[1][2] < 6.5 && $.user.id <= +1 && $.user.id > -1e3 }', true],
    ['{ $.user.id != 1 }', false],
  ])('compound %s is %s (precedence: () then && then ||)', (pattern, expected) => {
    expect(evaluate(parsed(pattern), compound)).toBe(expected);
  });

  it('reads quoting, escapes, == and any spacing alike', () => {
    const event = { eventName: 'ConsoleLogin', note: 'say "hi"\\now', userIdentity: { type: 'IAMUser' } };
    for (const pattern of [
      '{($.eventName="ConsoleLogin")&&($.userIdentity.type==IAMUser)}',
      '{\n\t( $.eventName   =   ConsoleLogin )\n  &&\n  ( $.userIdentity.type = "IAMUser" ) }',
      '{ $.note = "say \\"hi\\"\\\\now" }',
      '{ $.eventName = %^Console% }',
    ])
      expect(evaluate(parsed(pattern), event), pattern).toBe(true);
  });

  it('treats a bare number as the same text on a string field (recipientAccountId = 123456789012)', () => {
    expect(evaluate(parsed('{ $.recipientAccountId = 123456789012 }'), { recipientAccountId: '123456789012' })).toBe(
      true,
    );
  });

  it('cannot tell when the documented readings of a "*" between letters disagree', () => {
    expect(stringMatches('Ev*ent', 'Ev*ent')).toBe(true);
    expect(stringMatches('Ev*ent', 'Event')).toBeUndefined();
    expect(stringMatches('Ev*ent', 'Evxent')).toBeUndefined();
    expect(stringMatches('Ev*ent', 'Other')).toBe(false);
    expect(evaluate(parsed('{ $.a = "Ev*ent" || $.b = 1 }'), { a: 'Event', b: 1 })).toBe(true);
    expect(evaluate(parsed('{ $.a = "Ev*ent" && $.b = 1 }'), { a: 'Event', b: 1 })).toBeUndefined();
    expect(evaluate(parsed('{ $.a != "Ev*ent" }'), { a: 'Event' })).toBeUndefined();
  });

  it('leaves `?` and backslashes literal in wildcard values', () => {
    expect(stringMatches('a?c*', 'abcd')).toBe(false);
    expect(stringMatches('a?c*', 'a?cd')).toBe(true);
  });

  it('classifies empty, term and space-delimited patterns', () => {
    expect(parseFilterPattern('   ')).toEqual({ ok: true, pattern: { kind: 'all' } });
    for (const text of ['ERROR', '"Failed authentication"', '[ip, user, status_code = 4*]'])
      expect(parseFilterPattern(text)).toMatchObject({ ok: true, pattern: { kind: 'unsupported' } });
  });

  it.each([
    ['{ $.userIdentity.type = "Root" && &.eventType != "AwsServiceEvent" }', 'unexpected "&" at character 35'],
    ['{ $.a = "x" ', 'expected "}" or an operator, found the end of the pattern'],
    ['{ $.a = "x }', 'unterminated quoted string'],
    ['{ $.a }', 'expected an operator after $.a, found "}"'],
    ['{ $.a IS MAYBE }', '$.a IS must be followed by TRUE, FALSE or NULL'],
    ['{ $.a NOT THERE }', '$.a NOT must be followed by EXISTS'],
    ['{ $.a < abc }', '$.a < compares numbers only'],
    ['{ $..a = 1 }', 'empty property name'],
    ['{ $.a[x] = 1 }', 'bad array index'],
    ['{ $.a@b = 1 }', 'unexpected "@" in selector'],
    ['{ eventName = x }', 'expected a selector'],
    ['{ $.a = 1 } trailing', 'after the closing "}"'],
    ['{ $.a = %(% }', 'bad regular expression'],
    ['{ ($.a = 1 }', 'expected ")"'],
  ])('refuses %s: %s', (pattern, message) => {
    expect(error(pattern)).toContain(message);
  });

  it('refuses nesting deeper than the limit and patterns far over AWS length, without recursing', () => {
    const deep = `{ ${'('.repeat(4_000)}$.a = 1${')'.repeat(4_000)} }`;
    expect(error(deep)).toBe(`parentheses nested deeper than ${MAX_NESTING}`);
    const nested = `{ ${'('.repeat(MAX_NESTING)}$.a = 1${')'.repeat(MAX_NESTING)} }`;
    expect(evaluate(parsed(nested), { a: 1 })).toBe(true);
    expect(error(`{ $.a = "${'x'.repeat(20_000)}" }`)).toMatch(/^pattern is 20012 characters long/);
  });

  it('keeps long && / || chains flat', () => {
    const terms = Array.from({ length: 500 }, (_, i) => `$.e = E${i}`).join(' || ');
    const expression = parsed(`{ ${terms} }`);
    expect(expression.kind).toBe('or');
    expect(evaluate(expression, { e: 'E499' })).toBe(true);
    expect(evaluate(expression, { e: 'E500' })).toBe(false);
  });
});
