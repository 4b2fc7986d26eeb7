/**
 * One Sigma value as a test on one field value (text). Plain values, `|contains`, `|startswith` and `|endswith`
 * compare ignoring case unless `|cased`, with Sigma's wildcards (`*`, `?`, backslash escapes) through the shared
 * linear-time wildcard matcher; `|re` compiles with RE2JS, whose matching is linear in the input whatever the
 * pattern: event fields are attacker data, and a backtracking engine takes exponential time on `(a+)+$`.
 */
import { createRequire } from 'node:module';
import ipaddr from 'ipaddr.js';
import { compileWildcard } from '../../../checks/policy/index.ts';

type Re2js = typeof import('re2js');
let re2js: Re2js | undefined;
/** Loaded on the first `|re` (some 40 ms of start-up that runs without one need not pay), synchronously: rules compile synchronously. */
function engine(): Re2js {
  re2js ??= createRequire(import.meta.url)('re2js') as Re2js;
  return re2js;
}

export type TextTest = (text: string) => boolean;

export interface StringMatch {
  /** where the value is expected: the whole text, a prefix, a suffix, anywhere */
  anchor: 'whole' | 'start' | 'end' | 'anywhere';
  cased: boolean;
}

/** A Sigma string as literal runs and wildcards: `\*`, `\?`, `\\` are literal characters. */
type Piece = { literal: string } | '*' | '?';

function pieces(value: string): Piece[] {
  const out: Piece[] = [];
  let literal = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] as string;
    const next = value[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      literal += next;
      i += 1;
    } else if (c === '*' || c === '?') {
      if (literal) out.push({ literal });
      literal = '';
      out.push(c);
    } else literal += c;
  }
  if (literal) out.push({ literal });
  return out;
}

const escapeWildcards = (literal: string): string => literal.replace(/[\\*?]/g, (c) => `\\${c}`);

export function stringTest(value: string, match: StringMatch): TextTest {
  const parts = pieces(value);
  const fold = (text: string) => (match.cased ? text : text.toLowerCase());
  if (parts.every((p) => typeof p !== 'string')) {
    const literal = fold(parts.map((p) => p.literal).join(''));
    switch (match.anchor) {
      case 'whole':
        return (text) => fold(text) === literal;
      case 'start':
        return (text) => fold(text).startsWith(literal);
      case 'end':
        return (text) => fold(text).endsWith(literal);
      case 'anywhere':
        return (text) => fold(text).includes(literal);
    }
  }
  const body = parts.map((p) => (typeof p === 'string' ? p : escapeWildcards(p.literal))).join('');
  const before = match.anchor === 'end' || match.anchor === 'anywhere' ? '*' : '';
  const after = match.anchor === 'start' || match.anchor === 'anywhere' ? '*' : '';
  const matches = compileWildcard(`${before}${body}${after}`, { escapes: true, ignoreCase: !match.cased });
  return (text) => matches(text);
}

export interface RegexFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** A `|re` value, searched for anywhere in the text (anchor it with ^ and $). Throws a one-line message on a pattern RE2 rejects. */
export function regexTest(pattern: string, flags: RegexFlags): TextTest {
  const { RE2JS } = engine();
  const bits =
    (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) |
    (flags.multiline ? RE2JS.MULTILINE : 0) |
    (flags.dotAll ? RE2JS.DOTALL : 0);
  let re: InstanceType<typeof RE2JS>;
  try {
    re = RE2JS.compile(pattern, bits);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message} (RE2 syntax: no backreferences or lookaround, which need a backtracking engine)`, {
      cause: error,
    });
  }
  return (text) => re.test(text);
}

/**
 * A `|cidr` value: the text is an IP address inside the range (IPv4 or IPv6; an IPv4-mapped IPv6 address counts
 * as IPv4). CloudTrail's sourceIPAddress may also be a service name (`cloudtrail.amazonaws.com`): never inside.
 * Throws a one-line message on a value that is not a CIDR range.
 */
export function cidrTest(range: string): TextTest {
  let network: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    network = ipaddr.parseCIDR(range.trim());
  } catch {
    throw new Error(`"${range}" is not a CIDR range (e.g. 10.0.0.0/8 or 2001:db8::/32)`);
  }
  const kind = network[0].kind();
  return (text) => {
    if (!ipaddr.isValid(text)) return false;
    const address = ipaddr.process(text);
    return address.kind() === kind && address.match(network);
  };
}
