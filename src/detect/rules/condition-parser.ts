/**
 * Falco's condition language: `and`, `or`, `not`, parentheses, comparisons
 * (`= != < <= > >= contains icontains startswith endswith glob in intersects pmatch exists`),
 * lists by name inside `( )`, macros by name, quoted strings. Precedence: not > and > or.
 */
import { type ConditionNode, LIST_OPS, type Operand, SYMBOL_OPS, UNARY_OPS, WORD_OPS } from './condition-ast.ts';

export class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

type Token =
  | { kind: 'lparen' | 'rparen' | 'comma'; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'word'; text: string; arg: string | undefined; at: number }
  | { kind: 'end'; at: number };

const WORD_STOP = /[\s(),"'=<>]/;

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    if (c === quote) return { value, end: i + 1 };
    value += c;
    i += 1;
  }
  throw new ConditionSyntaxError('unterminated quoted string', start);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(') {
      tokens.push({ kind: 'lparen', at: i });
      i += 1;
    } else if (c === ')') {
      tokens.push({ kind: 'rparen', at: i });
      i += 1;
    } else if (c === ',') {
      tokens.push({ kind: 'comma', at: i });
      i += 1;
    } else if (c === '"' || c === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'string', text: value, at: i });
      i = end;
    } else if (c === '=' || c === '<' || c === '>' || (c === '!' && text[i + 1] === '=')) {
      const two = text.slice(i, i + 2);
      const op = SYMBOL_OPS.has(two) ? two : c;
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    } else {
      const start = i;
      while (
        i < text.length &&
        !WORD_STOP.test(text[i] as string) &&
        !(text[i] === '!' && text[i + 1] === '=') &&
        text[i] !== '['
      )
        i += 1;
      let arg: string | undefined;
      if (text[i] === '[') {
        const close = text.indexOf(']', i);
        if (close < 0) throw new ConditionSyntaxError('missing "]" after field argument', i);
        arg = text.slice(i + 1, close);
        i = close + 1;
      }
      tokens.push({
        kind: 'word',
        text: text.slice(start, i - (arg === undefined ? 0 : arg.length + 2)),
        arg,
        at: start,
      });
    }
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not']);

/**
 * How deep parentheses and `not` may nest in one condition text. Real rules nest a handful of levels; the parser
 * recurses once per level, so without a bound a condition of thousands of `(` overflows the stack.
 */
export const MAX_CONDITION_NESTING = 100;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Enters one level of `(` or `not` at `token`; the caller leaves it. */
  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > MAX_CONDITION_NESTING) {
      throw new ConditionSyntaxError(
        `parentheses and "not" nest more than ${MAX_CONDITION_NESTING} levels deep`,
        token.at,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.pos += 1;
    return token;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'word' && token.arg === undefined && token.text === word;
  }

  parse(): ConditionNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end')
      throw new ConditionSyntaxError(
        `unexpected ${describe(rest)}; expected "and", "or" or the end of the condition`,
        rest.at,
      );
    return node;
  }

  private parseOr(): ConditionNode {
    const items = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as ConditionNode) : { kind: 'or', items };
  }

  private parseAnd(): ConditionNode {
    const items = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      items.push(this.parseNot());
    }
    return items.length === 1 ? (items[0] as ConditionNode) : { kind: 'and', items };
  }

  private parseNot(): ConditionNode {
    if (this.isKeyword(this.peek(), 'not')) {
      this.enter(this.next());
      const item = this.parseNot();
      this.depth -= 1;
      return { kind: 'not', item };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): ConditionNode {
    const token = this.next();
    if (token.kind === 'lparen') {
      this.enter(token);
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen')
        throw new ConditionSyntaxError(`expected ")" but found ${describe(close)}`, close.at);
      this.depth -= 1;
      return inner;
    }
    if (token.kind !== 'word' || (token.arg === undefined && KEYWORDS.has(token.text))) {
      throw new ConditionSyntaxError(`expected a field, a macro or "(" but found ${describe(token)}`, token.at);
    }
    const opToken = this.peek();
    const op =
      opToken.kind === 'op'
        ? opToken.text
        : opToken.kind === 'word' && opToken.arg === undefined && WORD_OPS.has(opToken.text)
          ? opToken.text
          : undefined;
    if (op === undefined) {
      if (token.arg !== undefined)
        throw new ConditionSyntaxError(
          `expected an operator after ${token.text}[${token.arg}] but found ${describe(opToken)}`,
          opToken.at,
        );
      return { kind: 'ref', name: token.text, at: token.at };
    }
    this.next();
    const base = {
      kind: 'cmp' as const,
      field: token.text,
      arg: token.arg,
      at: token.at,
      op: op === '==' ? '=' : op,
      opAt: opToken.at,
    };
    if (UNARY_OPS.has(op)) return base;
    if (LIST_OPS.has(op)) return { ...base, values: this.parseList(op) };
    return { ...base, value: this.parseOperand(op) };
  }

  private parseOperand(op: string): Operand {
    const token = this.next();
    if (token.kind === 'string') return { text: token.text, quoted: true, at: token.at };
    if (token.kind === 'word' && token.arg === undefined) return { text: token.text, quoted: false, at: token.at };
    // Falco's bare values may be a lone < or > (syscall rules write evt.dir=<)
    if (token.kind === 'op' && (token.text === '<' || token.text === '>'))
      return { text: token.text, quoted: false, at: token.at };
    throw new ConditionSyntaxError(`expected a value after "${op}" but found ${describe(token)}`, token.at);
  }

  private parseList(op: string): Operand[] {
    const open = this.next();
    if (open.kind !== 'lparen')
      throw new ConditionSyntaxError(`expected "(" after "${op}" but found ${describe(open)}`, open.at);
    const values: Operand[] = [];
    if (this.peek().kind === 'rparen') {
      this.next();
      return values;
    }
    for (;;) {
      values.push(this.parseOperand(op));
      const sep = this.next();
      if (sep.kind === 'rparen') return values;
      if (sep.kind !== 'comma')
        throw new ConditionSyntaxError(
          `expected "," or ")" in the list after "${op}" but found ${describe(sep)}`,
          sep.at,
        );
    }
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the condition';
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'comma':
      return '","';
    case 'op':
      return `"${token.text}"`;
    case 'string':
      return `the string "${token.text}"`;
    case 'word':
      return `"${token.arg === undefined ? token.text : `${token.text}[${token.arg}]`}"`;
  }
}

/** Parses a condition; throws ConditionSyntaxError with the offset of the problem. */
export function parseCondition(text: string): ConditionNode {
  if (text.trim() === '') throw new ConditionSyntaxError('the condition is empty', 0);
  return new Parser(tokenize(text)).parse();
}
