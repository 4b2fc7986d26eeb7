/**
 * A policy document read defensively: bucket policies come from AWS, from snapshots anyone can
 * write and from CloudTrail events, so every element may be a string, a list, or malformed.
 * Parsing never throws; what cannot be understood is listed in `problems` so that callers can
 * refuse to call such a policy safe.
 */

export type Effect = 'Allow' | 'Deny';

/** The Principal (or NotPrincipal) element: `*` or a map of principal type to values. */
export type PrincipalElement = { kind: 'any' } | { kind: 'map'; entries: Record<string, string[]> };

export interface ConditionClause {
  /** operator as written, e.g. `StringEquals`, `ForAnyValue:StringLike`, `IpAddressIfExists` */
  operator: string;
  /** condition key in lower case: AWS compares condition key names case-insensitively */
  key: string;
  /** the key as written, for messages */
  keyAsWritten: string;
  values: string[];
}

export interface Statement {
  /** `Sid` when present, else `#N` (1-based position), the name users see in messages */
  label: string;
  index: number;
  effect: Effect;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditions: ConditionClause[];
}

export interface PolicyDocument {
  statements: Statement[];
  /** elements that could not be understood, each naming the statement */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** IAM lets most elements be one value or a list; scalars that are not strings (e.g. `false`) count as their text. */
function stringList(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const strings: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') strings.push(item);
    else if (typeof item === 'boolean' || typeof item === 'number') strings.push(String(item));
    else return undefined;
  }
  return strings;
}

function principalElement(value: unknown): PrincipalElement | undefined {
  if (value === '*') return { kind: 'any' };
  if (!isRecord(value)) return undefined;
  const entries: Record<string, string[]> = {};
  for (const [type, raw] of Object.entries(value)) {
    const list = stringList(raw);
    if (!list) return undefined;
    entries[type] = list;
  }
  return { kind: 'map', entries };
}

function conditionClauses(value: unknown): ConditionClause[] | undefined {
  if (value === undefined) return [];
  if (!isRecord(value)) return undefined;
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) return undefined;
    for (const [key, raw] of Object.entries(block)) {
      const values = stringList(raw);
      if (!values) return undefined;
      clauses.push({ operator, key: key.toLowerCase(), keyAsWritten: key, values });
    }
  }
  return clauses;
}

function parseStatement(raw: unknown, index: number, problems: string[]): Statement | undefined {
  const position = `#${index + 1}`;
  if (!isRecord(raw)) {
    problems.push(`statement ${position} is not an object`);
    return undefined;
  }
  const label = typeof raw.Sid === 'string' && raw.Sid !== '' ? raw.Sid : position;
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    problems.push(`statement ${label} has no valid Effect`);
    return undefined;
  }
  const statement: Statement = { label, index, effect, conditions: [] };
  const problem = (element: string) => problems.push(`statement ${label} has an unreadable ${element}`);

  for (const [element, field] of [
    ['Principal', 'principal'],
    ['NotPrincipal', 'notPrincipal'],
  ] as const) {
    if (raw[element] === undefined) continue;
    const parsed = principalElement(raw[element]);
    if (parsed) statement[field] = parsed;
    else problem(element);
  }
  for (const [element, field] of [
    ['Action', 'actions'],
    ['NotAction', 'notActions'],
    ['Resource', 'resources'],
    ['NotResource', 'notResources'],
  ] as const) {
    if (raw[element] === undefined) continue;
    const parsed = stringList(raw[element]);
    if (parsed) statement[field] = parsed;
    else problem(element);
  }
  if (
    !statement.principal &&
    !statement.notPrincipal &&
    raw.Principal === undefined &&
    raw.NotPrincipal === undefined
  ) {
    // AWS rejects a bucket policy statement without one: who it grants cannot be told.
    problems.push(`statement ${label} has no Principal`);
    return undefined;
  }
  const conditions = conditionClauses(raw.Condition);
  if (conditions) statement.conditions = conditions;
  else {
    problem('Condition');
    return undefined;
  }
  return statement;
}

/**
 * The length of `value` written as JSON without white space (escapes not counted, so never more than AWS
 * counts), walked without recursion; the walk stops once it passes `limit`.
 */
function minifiedLength(value: unknown, limit: number): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && total <= limit) {
    const item = pending.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (Array.isArray(item)) {
      // brackets and commas
      total += Math.max(item.length, 1) + 1;
      for (const element of item) pending.push(element);
    } else if (isRecord(item)) {
      const entries = Object.entries(item);
      total += Math.max(entries.length, 1) + 1;
      for (const [key, element] of entries) {
        total += key.length + 3;
        pending.push(element);
      }
    } else total += String(item).length;
  }
  return total;
}

/**
 * Reads a parsed policy (the JSON value) or its text. A policy longer than `maxLength` (the most AWS accepts for
 * this kind of policy) is not analysed: AWS would have refused it, and comparing its patterns with each other
 * costs the product of their lengths.
 */
export function readPolicy(policy: unknown, maxLength?: { chars: number; what: string }): PolicyDocument {
  const problems: string[] = [];
  let value = policy;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      return { statements: [], problems: [`the policy is not valid JSON (${(error as Error).message})`] };
    }
  }
  if (!isRecord(value)) return { statements: [], problems: ['the policy is not a JSON object'] };
  if (maxLength && minifiedLength(value, maxLength.chars) > maxLength.chars) {
    return {
      statements: [],
      problems: [
        `the policy has more than ${maxLength.chars} characters without white space, the most AWS accepts for ${maxLength.what}: AWS would refuse it, so it was not analysed`,
      ],
    };
  }
  const rawStatements = Array.isArray(value.Statement)
    ? value.Statement
    : value.Statement === undefined
      ? []
      : [value.Statement];
  if (value.Statement === undefined) problems.push('the policy has no Statement');
  const statements = rawStatements.flatMap((raw, index) => {
    const statement = parseStatement(raw, index, problems);
    return statement ? [statement] : [];
  });
  return { statements, problems };
}
