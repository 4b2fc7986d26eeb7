/**
 * CloudWatch Logs JSON filter patterns (`{ ($.eventName = "x") && ($.b NOT EXISTS || $.c != "y") }`) as a tree,
 * and their value on a JSON event. Patterns come from the account under scan, so the parser is bounded: a pattern
 * longer than MAX_PATTERN_LENGTH or nested deeper than MAX_NESTING is refused with a message, never a stack
 * overflow, and `&&`/`||` chains are kept flat so evaluation recurses only as deep as the parentheses.
 *
 * Syntax (AWS "Filter pattern syntax for metric filters"): a selector `$` followed by `.name` (letters, digits,
 * `-`, `_`) and `[n]` steps; `=`, `!=` (strings, numbers), `<`, `>`, `<=`, `>=` (numbers); `IS TRUE`,
 * `IS FALSE`, `IS NULL`, `NOT EXISTS`; values quoted (backslash escapes) or bare, `*` a wildcard in strings,
 * `%regex%`; `&&` binds tighter than `||`; parentheses group.
 */
import { createRequire } from 'node:module';
import { compileWildcard } from '../policy/wildcard.ts';

/** AWS refuses a filter pattern over 1,024 characters; anything much longer did not come from AWS. */
export const MAX_PATTERN_LENGTH = 8192;
/** Parentheses deeper than this are refused (the grammar's recursion and evaluation follow them). */
export const MAX_NESTING = 64;

export type Selector = readonly (string | number)[];
export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type FilterValue =
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'regex'; source: string };

/** One test on one selector. */
export type Condition =
  | { kind: 'compare'; selector: Selector; operator: ComparisonOperator; value: FilterValue }
  | { kind: 'is'; selector: Selector; value: true | false | null }
  | { kind: 'notExists'; selector: Selector };

export type FilterExpression = { kind: 'and' | 'or'; operands: FilterExpression[] } | Condition;

/** A filter pattern: JSON (decidable here), empty (matches every event), or another kind this module does not read. */
export type FilterPattern =
  { kind: 'json'; expression: FilterExpression } | { kind: 'all' } | { kind: 'unsupported'; reason: string };

export type ParseResult = { ok: true; pattern: FilterPattern } | { ok: false; error: string };

class PatternSyntaxError extends Error {}

type Token =
  | { kind: 'punct'; text: '{' | '}' | '(' | ')' | '&&' | '||' }
  | { kind: 'operator'; text: ComparisonOperator }
  | { kind: 'selector'; path: Selector; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'regex'; source: string }
  | { kind: 'word'; text: string };

/** Characters that end a bare word: whitespace, grouping, operators and quotes. */
const WORD_END = /[\s(){}&|=!<>"]/;
const NAME = /[A-Za-z0-9_-]/;

function selectorAt(text: string, start: number): { token: Token; end: number } {
  const path: (string | number)[] = [];
  let i = start + 1;
  for (;;) {
    if (text[i] === '.') {
      let j = i + 1;
      while (j < text.length && NAME.test(text[j] as string)) j += 1;
      if (j === i + 1) throw new PatternSyntaxError(`selector ${text.slice(start, j + 1)} has an empty property name`);
      path.push(text.slice(i + 1, j));
      i = j;
    } else if (text[i] === '[') {
      const close = text.indexOf(']', i);
      const index = close < 0 ? '' : text.slice(i + 1, close);
      if (!/^\d{1,9}$/.test(index))
        throw new PatternSyntaxError(`selector ${text.slice(start, i + 1)}: bad array index`);
      path.push(Number(index));
      i = close + 1;
    } else break;
  }
  if (i < text.length && !WORD_END.test(text[i] as string))
    throw new PatternSyntaxError(`unexpected "${text[i]}" in selector ${text.slice(start, i + 1)}`);
  return { token: { kind: 'selector', path, text: text.slice(start, i) }, end: i };
}

function quotedAt(text: string, start: number): { token: Token; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '"') return { token: { kind: 'quoted', text: value }, end: i + 1 };
    if (c === '\\' && i + 1 < text.length) {
      i += 1;
      value += text[i];
    } else value += c;
  }
  throw new PatternSyntaxError(`unterminated quoted string at character ${start + 1}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const two = text.slice(i, i + 2);
    if (/\s/.test(c)) i += 1;
    else if (two === '&&' || two === '||') {
      tokens.push({ kind: 'punct', text: two });
      i += 2;
    } else if (two === '!=' || two === '<=' || two === '>=' || two === '==') {
      // `==` is a common spelling of `=` (trivy's CIS 4.2 pattern uses it); AWS CDK normalises it the same way
      tokens.push({ kind: 'operator', text: two === '==' ? '=' : two });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'operator', text: c });
      i += 1;
    } else if (c === '{' || c === '}' || c === '(' || c === ')') {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else if (c === '$') {
      const { token, end } = selectorAt(text, i);
      tokens.push(token);
      i = end;
    } else if (c === '"') {
      const { token, end } = quotedAt(text, i);
      tokens.push(token);
      i = end;
    } else if (c === '%') {
      const close = text.indexOf('%', i + 1);
      if (close < 0) throw new PatternSyntaxError(`unterminated %regex% at character ${i + 1}`);
      tokens.push({ kind: 'regex', source: text.slice(i + 1, close) });
      i = close + 1;
    } else {
      let j = i;
      while (j < text.length && !WORD_END.test(text[j] as string)) j += 1;
      if (j === i) throw new PatternSyntaxError(`unexpected "${c}" at character ${i + 1}`);
      tokens.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(what: string): Token {
    const token = this.tokens[this.position];
    if (!token) throw new PatternSyntaxError(`pattern ends where ${what} was expected`);
    this.position += 1;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toUpperCase() === text;
  }

  document(): FilterExpression {
    if (!this.isPunct('{')) throw new PatternSyntaxError('a JSON pattern starts with "{"');
    this.position += 1;
    const expression = this.disjunction(0);
    if (!this.isPunct('}')) throw new PatternSyntaxError(`expected "}" or an operator, found ${describe(this.peek())}`);
    this.position += 1;
    if (this.peek()) throw new PatternSyntaxError(`unexpected ${describe(this.peek())} after the closing "}"`);
    return expression;
  }

  private disjunction(depth: number): FilterExpression {
    const operands = [this.conjunction(depth)];
    while (this.isPunct('||')) {
      this.position += 1;
      operands.push(this.conjunction(depth));
    }
    return operands.length === 1 ? (operands[0] as FilterExpression) : { kind: 'or', operands };
  }

  private conjunction(depth: number): FilterExpression {
    const operands = [this.primary(depth)];
    while (this.isPunct('&&')) {
      this.position += 1;
      operands.push(this.primary(depth));
    }
    return operands.length === 1 ? (operands[0] as FilterExpression) : { kind: 'and', operands };
  }

  private primary(depth: number): FilterExpression {
    if (this.isPunct('(')) {
      if (depth >= MAX_NESTING) throw new PatternSyntaxError(`parentheses nested deeper than ${MAX_NESTING}`);
      this.position += 1;
      const inner = this.disjunction(depth + 1);
      if (!this.isPunct(')')) throw new PatternSyntaxError(`expected ")", found ${describe(this.peek())}`);
      this.position += 1;
      return inner;
    }
    const token = this.next('a selector');
    if (token.kind !== 'selector') throw new PatternSyntaxError(`expected a selector ($.…), found ${describe(token)}`);
    return this.condition(token.path, token.text);
  }

  private condition(selector: Selector, text: string): FilterExpression {
    if (this.isWord('IS')) {
      this.position += 1;
      const word = this.next('TRUE, FALSE or NULL');
      const value = word.kind === 'word' ? word.text.toUpperCase() : '';
      if (value === 'TRUE') return { kind: 'is', selector, value: true };
      if (value === 'FALSE') return { kind: 'is', selector, value: false };
      if (value === 'NULL') return { kind: 'is', selector, value: null };
      throw new PatternSyntaxError(`${text} IS must be followed by TRUE, FALSE or NULL, not ${describe(word)}`);
    }
    if (this.isWord('NOT')) {
      this.position += 1;
      const word = this.next('EXISTS');
      if (word.kind !== 'word' || word.text.toUpperCase() !== 'EXISTS')
        throw new PatternSyntaxError(`${text} NOT must be followed by EXISTS, not ${describe(word)}`);
      return { kind: 'notExists', selector };
    }
    const operator = this.next(`an operator after ${text}`);
    if (operator.kind !== 'operator')
      throw new PatternSyntaxError(`expected an operator after ${text}, found ${describe(operator)}`);
    const value = this.value(operator.text, text);
    return { kind: 'compare', selector, operator: operator.text, value };
  }

  private value(operator: ComparisonOperator, selector: string): FilterValue {
    const token = this.next(`a value after ${selector} ${operator}`);
    let value: FilterValue;
    if (token.kind === 'quoted') value = { kind: 'string', text: token.text };
    else if (token.kind === 'regex') value = { kind: 'regex', source: token.source };
    else if (token.kind === 'word')
      value = NUMBER.test(token.text)
        ? { kind: 'number', value: Number(token.text), text: token.text }
        : { kind: 'string', text: token.text };
    else throw new PatternSyntaxError(`expected a value after ${selector} ${operator}, found ${describe(token)}`);
    if (operator !== '=' && operator !== '!=' && value.kind !== 'number')
      throw new PatternSyntaxError(`${selector} ${operator} compares numbers only`);
    return value;
  }
}

function describe(token: Token | undefined): string {
  if (!token) return 'the end of the pattern';
  if (token.kind === 'selector') return token.text;
  if (token.kind === 'quoted') return `"${token.text}"`;
  if (token.kind === 'regex') return `%${token.source}%`;
  return `"${token.text}"`;
}

/** Reads a filter pattern as CloudWatch Logs would; `ok: false` says why it is not a valid pattern. */
export function parseFilterPattern(text: string): ParseResult {
  if (text.length > MAX_PATTERN_LENGTH)
    return { ok: false, error: `pattern is ${text.length} characters long (AWS allows 1,024)` };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, pattern: { kind: 'all' } };
  if (!trimmed.startsWith('{'))
    return {
      ok: true,
      pattern: {
        kind: 'unsupported',
        reason: 'not a JSON filter pattern (term and space-delimited patterns are not read)',
      },
    };
  try {
    const expression = new Parser(tokenize(trimmed)).document();
    compileRegexes(expression);
    return { ok: true, pattern: { kind: 'json', expression } };
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}

type Re2js = typeof import('re2js');
let re2js: Re2js | undefined;
/** Loaded on the first `%regex%`, which few patterns have; RE2 matches in linear time whatever the pattern. */
function regexEngine(): Re2js {
  re2js ??= createRequire(import.meta.url)('re2js') as Re2js;
  return re2js;
}

const compiledRegexes = new WeakMap<FilterValue, InstanceType<Re2js['RE2JS']>>();

function compileRegexes(expression: FilterExpression): void {
  if (expression.kind === 'and' || expression.kind === 'or') {
    for (const operand of expression.operands) compileRegexes(operand);
  } else if (expression.kind === 'compare' && expression.value.kind === 'regex') {
    try {
      compiledRegexes.set(expression.value, regexEngine().RE2JS.compile(expression.value.source));
    } catch (error) {
      throw new PatternSyntaxError(`bad regular expression %${expression.value.source}%: ${(error as Error).message}`);
    }
  }
}

/** Three-valued: `undefined` is "cannot tell" (AWS documents two readings of a `*` inside a value). */
export type Truth = boolean | undefined;

const MISSING = Symbol('missing');

function resolve(event: unknown, selector: Selector): unknown {
  let node: unknown = event;
  for (const step of selector) {
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return MISSING;
      node = node[step];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, step))
        return MISSING;
      node = (node as Record<string, unknown>)[step];
    }
  }
  return node;
}

/** The wildcard matcher's escapes for characters CloudWatch Logs reads literally. */
function literal(text: string): string {
  return text.replace(/[\\?*]/g, (c) => `\\${c}`);
}

/**
 * A string value against a string pattern. AWS documents `*` at the start or end of a value as a wildcard and, in
 * one edition, a `*` between letters as literal (`Ev*ent` matches only `Ev*ent`): when the two readings disagree
 * on this value the answer is "cannot tell".
 */
export function stringMatches(pattern: string, value: string): Truth {
  if (!pattern.includes('*')) return pattern === value;
  const anywhere = compileWildcard(pattern.split('*').map(literal).join('*'), { escapes: true })(value);
  const inner = pattern.replace(/^\*+/, '').replace(/\*+$/, '');
  if (!inner.includes('*')) return anywhere;
  const lead = pattern.startsWith('*') ? '*' : '';
  const trail = pattern.endsWith('*') ? '*' : '';
  const edgesOnly = compileWildcard(`${lead}${literal(inner)}${trail}`, { escapes: true })(value);
  return anywhere === edgesOnly ? anywhere : undefined;
}

function equals(value: FilterValue, actual: unknown): Truth {
  if (value.kind === 'regex') {
    const regex = compiledRegexes.get(value);
    return typeof actual === 'string' && regex !== undefined ? regex.matcher(actual).find() : false;
  }
  if (value.kind === 'number') {
    if (typeof actual === 'number') return actual === value.value;
    // a bare number against a string field (recipientAccountId = 123456789012) compares the text
    return typeof actual === 'string' ? actual === value.text : false;
  }
  if (typeof actual === 'string') return stringMatches(value.text, actual);
  // numbers and booleans against a string pattern: AWS does not document the conversion
  if (typeof actual === 'number' || typeof actual === 'boolean') return undefined;
  return false;
}

function compare(operator: ComparisonOperator, value: FilterValue, actual: unknown): Truth {
  // a missing field, an object or an array never matches, whatever the operator (AWS: "will fail to match")
  if (actual === MISSING || actual === null || typeof actual === 'object') return false;
  if (operator === '=') return equals(value, actual);
  if (operator === '!=') {
    const equal = equals(value, actual);
    return equal === undefined ? undefined : !equal;
  }
  if (value.kind !== 'number' || typeof actual !== 'number') return false;
  if (operator === '<') return actual < value.value;
  if (operator === '>') return actual > value.value;
  if (operator === '<=') return actual <= value.value;
  return actual >= value.value;
}

/** The pattern's value on one JSON event: true (matched), false, or undefined (the documentation leaves it open). */
export function evaluate(expression: FilterExpression, event: unknown): Truth {
  switch (expression.kind) {
    case 'and': {
      let result: Truth = true;
      for (const operand of expression.operands) {
        const value = evaluate(operand, event);
        if (value === false) return false;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const operand of expression.operands) {
        const value = evaluate(operand, event);
        if (value === true) return true;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'is': {
      const actual = resolve(event, expression.selector);
      return actual === expression.value;
    }
    case 'notExists':
      return resolve(event, expression.selector) === MISSING;
    case 'compare':
      return compare(expression.operator, expression.value, resolve(event, expression.selector));
  }
}

/** Every selector the expression reads, with the values it compares them to (for building test events). */
export function conditionsOf(expression: FilterExpression): Condition[] {
  if ('operands' in expression) return expression.operands.flatMap(conditionsOf);
  return [expression];
}
