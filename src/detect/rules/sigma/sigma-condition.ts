/**
 * Sigma's `condition`: search identifiers combined with and / or / not and parentheses, and `1 of PATTERN`,
 * `all of PATTERN` (PATTERN a search identifier with `*` wildcards, or `them`). Precedence, least binding
 * first: or, and, not, `x of`, parentheses. Offsets are into the condition text, for `file:line:col` messages.
 */

export type SigmaCondition =
  | { kind: 'and' | 'or'; items: SigmaCondition[] }
  | { kind: 'not'; item: SigmaCondition }
  | { kind: 'id'; name: string; at: number }
  /** `them` is written as the pattern `them` */
  | { kind: 'of'; all: boolean; pattern: string; at: number };

export class SigmaConditionError extends Error {
  /** `unsupported`: valid Sigma that cloudwarden does not run (aggregations, `near`); otherwise a syntax error */
  constructor(
    message: string,
    readonly at: number,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

interface Token {
  text: string;
  at: number;
}

/** Deeper than any real rule; keeps the recursive parser and the compiled closures' recursion bounded. */
const MAX_NESTING = 100;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([()])|(\|)|([^\s()|]+))/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) break;
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (m[2]) {
      throw new SigmaConditionError(
        'aggregation conditions ("| count() ...") are not supported: use a cloudwarden stateful rule for thresholds',
        start,
        true,
      );
    }
    if (m[1] || m[3]) tokens.push({ text: (m[1] ?? m[3]) as string, at: start });
    at = re.lastIndex;
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', '(', ')']);

export function parseSigmaCondition(text: string): SigmaCondition {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const word = (t: Token | undefined): string | undefined => t?.text.toLowerCase();
  const end = text.length;

  const expect = (what: string): Token => {
    const t = tokens[i];
    if (t === undefined) throw new SigmaConditionError(`expected ${what} but found the end of the condition`, end);
    return t;
  };

  const or = (depth: number): SigmaCondition => {
    const items = [and(depth)];
    while (word(peek()) === 'or') {
      i += 1;
      items.push(and(depth));
    }
    return items.length === 1 ? (items[0] as SigmaCondition) : { kind: 'or', items };
  };

  const and = (depth: number): SigmaCondition => {
    const items = [not(depth)];
    while (word(peek()) === 'and') {
      i += 1;
      items.push(not(depth));
    }
    return items.length === 1 ? (items[0] as SigmaCondition) : { kind: 'and', items };
  };

  const not = (depth: number): SigmaCondition => {
    if (depth > MAX_NESTING)
      throw new SigmaConditionError(`the condition nests more than ${MAX_NESTING} levels deep`, peek()?.at ?? end);
    if (word(peek()) === 'not') {
      i += 1;
      return { kind: 'not', item: not(depth + 1) };
    }
    return primary(depth);
  };

  const primary = (depth: number): SigmaCondition => {
    const t = expect('a search identifier, "not", "1 of", "all of" or "("');
    if (t.text === '(') {
      i += 1;
      const inner = or(depth + 1);
      const close = expect('")"');
      if (close.text !== ')') throw new SigmaConditionError(`expected ")" but found "${close.text}"`, close.at);
      i += 1;
      return inner;
    }
    const lower = t.text.toLowerCase();
    if (word(tokens[i + 1]) === 'of') {
      if (lower !== '1' && lower !== 'all') {
        const unsupported = /^\d+$/.test(lower);
        throw new SigmaConditionError(
          unsupported
            ? `"${t.text} of" is not supported (only "1 of" and "all of")`
            : `expected "1 of" or "all of" but found "${t.text} of"`,
          t.at,
          unsupported,
        );
      }
      i += 2;
      const target = expect('a search identifier pattern or "them" after "of"');
      if (KEYWORDS.has(target.text.toLowerCase()))
        throw new SigmaConditionError(
          `expected a search identifier pattern or "them" after "of" but found "${target.text}"`,
          target.at,
        );
      i += 1;
      return { kind: 'of', all: lower === 'all', pattern: target.text, at: target.at };
    }
    if (lower === 'near') throw new SigmaConditionError('"near" (temporal proximity) is not supported', t.at, true);
    if (KEYWORDS.has(lower)) throw new SigmaConditionError(`expected a search identifier but found "${t.text}"`, t.at);
    if (t.text.includes('*'))
      throw new SigmaConditionError(`"${t.text}": a wildcard pattern needs "1 of" or "all of" before it`, t.at);
    i += 1;
    return { kind: 'id', name: t.text, at: t.at };
  };

  if (tokens.length === 0) throw new SigmaConditionError('the condition is empty', 0);
  const tree = or(0);
  const rest = peek();
  if (rest !== undefined) throw new SigmaConditionError(`unexpected "${rest.text}"`, rest.at);
  return tree;
}
