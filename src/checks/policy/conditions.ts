import ipaddr from 'ipaddr.js';
import type { ConditionClause } from './document.ts';

/**
 * Condition keys that, set to fixed values, make a grant to `*` non-public ("The meaning of
 * public", S3 user guide, Block Public Access). Lower case: key names are case-insensitive.
 */
export const RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceip',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
]);

/** Operators that grant only when the key equals/matches one of the values. */
const POSITIVE_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
/** Their negations, which fence a Deny statement to everything but the values. */
const NEGATED_OPERATORS = new Set([
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'arnnotequals',
  'arnnotlike',
]);

interface Operator {
  base: string;
  setOperator?: 'foranyvalue' | 'forallvalues';
  ifExists: boolean;
}

function parseOperator(written: string): Operator {
  let rest = written.toLowerCase();
  let setOperator: Operator['setOperator'];
  for (const prefix of ['foranyvalue:', 'forallvalues:'] as const) {
    if (rest.startsWith(prefix)) {
      setOperator = prefix.slice(0, -1) as Operator['setOperator'];
      rest = rest.slice(prefix.length);
    }
  }
  const ifExists = rest.endsWith('ifexists');
  return { base: ifExists ? rest.slice(0, -'ifexists'.length) : rest, setOperator, ifExists };
}

/** IPv4 networks of RFC 1918, which AWS does not count as broad whatever their width. */
const RFC1918: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * True when a SourceIp value is narrow enough for AWS to call the grant non-public: AWS treats
 * ranges broader than /8 (IPv4) or /32 (IPv6) as public, RFC 1918 ranges excepted. So `/8`
 * restricts, `0.0.0.0/0`, `::/0` and `0.0.0.0/1` do not.
 */
export function isNarrowCidr(value: string): boolean {
  const text = value.trim();
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    if (text.includes('/')) [address, prefix] = ipaddr.parseCIDR(text);
    else {
      address = ipaddr.parse(text);
      prefix = address.kind() === 'ipv4' ? 32 : 128;
    }
  } catch {
    return false;
  }
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (!v6.isIPv4MappedAddress()) return prefix >= 32;
    address = v6.toIPv4Address();
    prefix = Math.max(0, prefix - 96);
  }
  if (prefix >= 8) return true;
  const v4 = address as ipaddr.IPv4;
  return RFC1918.some((range) => {
    const [network, bits] = ipaddr.IPv4.parseCIDR(range);
    return prefix >= bits && v4.match(network, bits);
  });
}

const LIKE_OPERATORS = new Set(['stringlike', 'arnlike', 'stringnotlike', 'arnnotlike']);
/** `AROLEID:*`: a role's sessions; AWS accepts this one wildcard in aws:userid. */
const ROLE_SESSIONS = /^[A-Za-z0-9]+:\*$/;
/** An access point ARN whose account is fixed; AWS accepts a wildcard in the name part. */
const ACCESS_POINT_OF_ACCOUNT = /^arn:[^:*?]+:s3:[^:]*:\d{12}:accesspoint\/.+$/;

/** A value without a wildcard or policy variable, with AWS's documented exceptions. */
function isFixedValue(key: string, operator: string, value: string): boolean {
  if (value.includes('${')) return false;
  if (key === 'aws:userid' && ROLE_SESSIONS.test(value)) return true;
  if (key === 's3:dataaccesspointarn' && ACCESS_POINT_OF_ACCOUNT.test(value)) return true;
  if (value.includes('*')) return false;
  return !(LIKE_OPERATORS.has(operator) && value.includes('?'));
}

function hasFixedValues(clause: ConditionClause, base: string): boolean {
  if (clause.values.length === 0) return false;
  if (clause.key === 'aws:sourceip') return clause.values.every(isNarrowCidr);
  return clause.values.every((value) => isFixedValue(clause.key, base, value));
}

/**
 * True when an Allow statement's clause limits it to fixed values of a restricting key.
 * `…IfExists` does not (a request without the key passes), nor does `ForAllValues:`
 * (true when the key is absent), nor a negated operator.
 */
export function restrictsGrant(clause: ConditionClause): boolean {
  if (!RESTRICTING_KEYS.has(clause.key)) return false;
  const operator = parseOperator(clause.operator);
  if (operator.ifExists || operator.setOperator === 'forallvalues') return false;
  const allowed = clause.key === 'aws:sourceip' ? operator.base === 'ipaddress' : POSITIVE_OPERATORS.has(operator.base);
  return allowed && hasFixedValues(clause, operator.base);
}

/**
 * True when a Deny statement's clause denies every request except those with fixed values of a
 * restricting key (`StringNotEquals aws:SourceVpce vpce-1`, `NotIpAddress aws:SourceIp 192.0.2.0/24`).
 * A missing key makes negated operators true, so `…IfExists` fences too.
 */
export function fencesDeny(clause: ConditionClause): boolean {
  if (!RESTRICTING_KEYS.has(clause.key)) return false;
  const operator = parseOperator(clause.operator);
  if (operator.setOperator !== undefined) return false;
  const negated =
    clause.key === 'aws:sourceip' ? operator.base === 'notipaddress' : NEGATED_OPERATORS.has(operator.base);
  return negated && hasFixedValues(clause, operator.base);
}

/** `Bool`/`BoolIfExists` `aws:SecureTransport` = `false`: the clause that matches plain-HTTP requests. */
export function matchesInsecureTransport(clause: ConditionClause): boolean {
  const operator = parseOperator(clause.operator);
  return (
    clause.key === 'aws:securetransport' &&
    operator.base === 'bool' &&
    operator.setOperator === undefined &&
    clause.values.length > 0 &&
    clause.values.every((value) => value.toLowerCase() === 'false')
  );
}

/** Fixed values of a positive clause on `key` (e.g. the accounts of aws:PrincipalAccount), if the statement has one. */
export function fixedValuesOf(conditions: readonly ConditionClause[], key: string): string[] | undefined {
  const clause = conditions.find((c) => c.key === key && restrictsGrant(c));
  return clause?.values;
}

/** How a clause reads in messages: `StringEquals aws:SourceVpce = vpce-1a2b`. */
export function describeClause(clause: ConditionClause): string {
  return `${clause.operator} ${clause.keyAsWritten} = ${clause.values.join(', ')}`;
}
