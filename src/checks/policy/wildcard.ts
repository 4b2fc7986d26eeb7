/**
 * The one wildcard matcher for patterns that come from untrusted input: IAM policies (Action, Resource, `*Like`
 * condition values, from snapshots and CloudTrail events) and the `glob` operator of detection rules, matched
 * against event fields. A regular expression built from such a pattern backtracks: `s3:*?*?*?…z` took minutes.
 * This matcher walks pattern and value with two cursors and, on a mismatch, retries only from the last `*`
 * (a later `*` subsumes every earlier one), so it takes at most about (pattern length + 1) × (value length + 1)
 * steps, whatever the pattern.
 */

export interface WildcardSyntax {
  /** compare letters case-insensitively (IAM action names) */
  ignoreCase?: boolean;
  /** fnmatch bracket expressions `[abc]`, `[a-z]`, `[!a-z]` (rule globs); IAM has none */
  brackets?: boolean;
  /** a backslash makes the `*`, `?` or backslash after it literal (Sigma values); elsewhere it is literal itself */
  escapes?: boolean;
}

/** Counts the matcher's steps, for budget tests and callers that want to see the work done. */
export interface StepMeter {
  steps: number;
}

export type WildcardMatcher = (value: string, meter?: StepMeter) => boolean;

const STAR = -1;
const ANY_ONE = -2;
const BRACKET = -3;

/** A bracket expression: inclusive code-unit ranges, possibly negated. */
interface Bracket {
  negated: boolean;
  ranges: number[];
}

/** One pattern position: a code unit to equal, `*`, `?`, or a bracket expression (index into `brackets`). */
interface Compiled {
  codes: number[];
  brackets: Map<number, Bracket>;
}

/**
 * An fnmatch bracket expression starting at `open`: `]` right after `[` or `[!` is a member, `a-z` a range, and a
 * backslash is an ordinary character (as with FNM_NOESCAPE). Undefined when no `]` closes it: the `[` is literal.
 */
function readBracket(pattern: string, open: number): { bracket: Bracket; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negated = true;
    i += 1;
  }
  const ranges: number[] = [];
  const first = i;
  while (i < pattern.length && (pattern[i] !== ']' || i === first)) {
    const low = pattern.charCodeAt(i);
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      ranges.push(low, pattern.charCodeAt(i + 2));
      i += 3;
    } else {
      ranges.push(low, low);
      i += 1;
    }
  }
  if (i >= pattern.length) return undefined;
  return { bracket: { negated, ranges }, end: i };
}

function compile(pattern: string, syntax: WildcardSyntax): Compiled {
  const text = syntax.ignoreCase ? pattern.toLowerCase() : pattern;
  const codes: number[] = [];
  const brackets = new Map<number, Bracket>();
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\\' && syntax.escapes && (next === '*' || next === '?' || next === '\\')) {
      codes.push(text.charCodeAt(i + 1));
      i += 1;
    } else if (c === '*') {
      // consecutive stars are one star: fewer positions to retry from
      if (codes[codes.length - 1] !== STAR) codes.push(STAR);
    } else if (c === '?') codes.push(ANY_ONE);
    else if (c === '[' && syntax.brackets) {
      const read = readBracket(text, i);
      if (read) {
        brackets.set(codes.length, read.bracket);
        codes.push(BRACKET);
        i = read.end;
      } else codes.push(text.charCodeAt(i));
    } else codes.push(text.charCodeAt(i));
  }
  return { codes, brackets };
}

function inBracket(bracket: Bracket, code: number): boolean {
  let found = false;
  for (let r = 0; r < bracket.ranges.length && !found; r += 2) {
    found = code >= (bracket.ranges[r] as number) && code <= (bracket.ranges[r + 1] as number);
  }
  return found !== bracket.negated;
}

function run({ codes, brackets }: Compiled, value: string, meter: StepMeter | undefined): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  let steps = 0;
  let matched: boolean | undefined;
  while (matched === undefined) {
    steps += 1;
    if (v === value.length) {
      while (codes[p] === STAR) p += 1;
      matched = p === codes.length;
      break;
    }
    const want = codes[p];
    const code = value.charCodeAt(v);
    if (want === STAR) {
      star = p;
      resume = v;
      p += 1;
    } else if (
      want !== undefined &&
      (want === code || want === ANY_ONE || (want === BRACKET && inBracket(brackets.get(p) as Bracket, code)))
    ) {
      p += 1;
      v += 1;
    } else if (star >= 0) {
      // let the last star swallow one more character and retry what follows it
      resume += 1;
      p = star + 1;
      v = resume;
    } else matched = false;
  }
  if (meter) meter.steps += steps;
  return matched;
}

/** Compiles once for a pattern used many times (a rule's glob, an Action matched against every S3 action). */
export function compileWildcard(pattern: string, syntax: WildcardSyntax = {}): WildcardMatcher {
  const compiled = compile(pattern, syntax);
  return (value, meter) => run(compiled, syntax.ignoreCase ? value.toLowerCase() : value, meter);
}

/** IAM wildcard matching (`*` any run of characters, `?` one character), as in Resource and `*Like` conditions. */
export function wildcardMatches(pattern: string, value: string, syntax: WildcardSyntax = {}): boolean {
  return compileWildcard(pattern, syntax)(value);
}
