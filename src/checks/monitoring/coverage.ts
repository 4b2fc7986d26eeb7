/**
 * Whether a metric filter matches every CloudTrail event a CIS monitoring control names, decided by evaluating
 * the parsed filter over events built to the control's shape rather than by comparing pattern text: a reordered,
 * re-spaced or broader filter covers the control, a narrower one misses events and says which.
 *
 * A required event fixes some fields (eventName = StopLogging) and leaves others open (any error code ending in
 * UnauthorizedOperation, any event name but HeadBucket). Open fields are tried with the control's examples, with
 * a "fresh" character the pattern never mentions (so `Client.*` cannot pass for "any prefix"), and with every
 * value the filter itself compares that field to (so `$.userIdentity.type != "Root"` meets a Root event). Fields
 * the control does not constrain but the filter reads are varied the same way, keeping their JSON type.
 */
import {
  conditionsOf,
  evaluate,
  type Condition,
  type FilterExpression,
  type FilterPattern,
  type Selector,
} from './filter-pattern.ts';

/** What a required event says about one field (a dotted path such as `userIdentity.type`). */
export type FieldRequirement =
  | { equals: string | boolean }
  | { startsWith: string; examples: string[] }
  | { endsWith: string; examples: string[] }
  | { anyString: string[]; except?: string[] }
  | { absent: true };

export interface RequiredEvent {
  /** how a message names the event: `StopLogging`, `console sign-in without MFA` */
  label: string;
  fields: Record<string, FieldRequirement>;
}

export type CoverageVerdict =
  { kind: 'covers' } | { kind: 'misses'; missed: string[] } | { kind: 'undecided'; reason: string };

const ABSENT = Symbol('absent');
type FieldValue = string | number | boolean | null | typeof ABSENT;

/** The fields CloudTrail writes in every management event record, with plausible values. */
const RECORD_TEMPLATE: Record<string, Exclude<FieldValue, typeof ABSENT>> = {
  eventVersion: '1.09',
  'userIdentity.type': 'IAMUser',
  'userIdentity.principalId': 'AIDAEXAMPLEPRINCIPAL01',
  'userIdentity.arn': 'arn:aws:iam::111122223333:user/alice',
  'userIdentity.accountId': '111122223333',
  eventTime: '2026-01-05T09:12:44Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: 'aws-cli/2.15.30',
  requestID: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  eventID: 'e1f2a3b4-5678-90ab-cdef-EXAMPLE22222',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** Above this many combinations per event, fields are varied one at a time from the event's first values. */
const COMBINATION_LIMIT = 4096;

function pathOf(selector: Selector): string | undefined {
  return selector.every((step) => typeof step === 'string') ? selector.join('.') : undefined;
}

/** A character the pattern does not contain: a value built with it cannot equal or prefix any literal. */
function freshCharacter(patternText: string): string {
  let code = 0x4e00;
  while (patternText.includes(String.fromCodePoint(code))) code += 1;
  return String.fromCodePoint(code);
}

/** Values the filter compares a field to, made concrete: each `*` once empty and once the fresh character. */
function literalValues(conditions: Condition[], fresh: string): Map<string, FieldValue[]> {
  const byPath = new Map<string, FieldValue[]>();
  const add = (path: string, value: FieldValue) => {
    const list = byPath.get(path) ?? [];
    if (!list.includes(value)) list.push(value);
    byPath.set(path, list);
  };
  for (const condition of conditions) {
    const path = pathOf(condition.selector);
    if (path === undefined) continue;
    if (condition.kind === 'notExists') add(path, ABSENT);
    else if (condition.kind === 'is') add(path, condition.value);
    else if (condition.value.kind === 'string') {
      add(path, condition.value.text.replace(/\*/g, ''));
      if (condition.value.text.includes('*')) add(path, condition.value.text.replace(/\*/g, fresh));
    } else if (condition.value.kind === 'number') {
      add(path, condition.value.value);
      add(path, condition.value.text);
    } else byPath.set(path, byPath.get(path) ?? []);
  }
  return byPath;
}

function satisfies(requirement: FieldRequirement, value: FieldValue): boolean {
  if ('absent' in requirement) return value === ABSENT;
  if ('equals' in requirement) return value === requirement.equals;
  if (typeof value !== 'string') return false;
  if ('startsWith' in requirement) return value.startsWith(requirement.startsWith);
  if ('endsWith' in requirement) return value.endsWith(requirement.endsWith);
  return !(requirement.except ?? []).includes(value);
}

function requirementSeeds(requirement: FieldRequirement, fresh: string): FieldValue[] {
  if ('absent' in requirement) return [ABSENT];
  if ('equals' in requirement) return [requirement.equals];
  if ('startsWith' in requirement)
    return [...requirement.examples, requirement.startsWith, `${requirement.startsWith}${fresh}`];
  if ('endsWith' in requirement)
    return [...requirement.examples, requirement.endsWith, `${fresh}${requirement.endsWith}`];
  return [...requirement.anyString, fresh];
}

/** The values one field takes in the events tried, the event's own (canonical) value first. */
function domainOf(
  path: string,
  requirement: FieldRequirement | undefined,
  literals: FieldValue[],
  fresh: string,
): FieldValue[] {
  let values: FieldValue[];
  if (requirement) {
    values = [...requirementSeeds(requirement, fresh), ...literals].filter((v) => satisfies(requirement, v));
  } else if (path in RECORD_TEMPLATE) {
    const base = RECORD_TEMPLATE[path] as Exclude<FieldValue, typeof ABSENT>;
    const sameType = (v: FieldValue) => v !== ABSENT && v !== null && typeof v === typeof base;
    // a string field also takes a value no literal matches; a boolean field takes both values
    const other = typeof base === 'string' ? [fresh] : typeof base === 'boolean' ? [!base] : [];
    values = [base, ...other, ...literals.filter(sameType)];
  } else {
    values = [ABSENT, ...literals, ...(literals.length > 0 ? [fresh] : [])];
  }
  return [...new Set(values)];
}

function buildEvent(values: Map<string, FieldValue>): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const [path, value] of values) {
    if (value === ABSENT) continue;
    const steps = path.split('.');
    let node = event;
    for (const step of steps.slice(0, -1)) {
      const child = node[step];
      node = (child && typeof child === 'object' ? child : (node[step] = {})) as Record<string, unknown>;
    }
    node[steps[steps.length - 1] as string] = value;
  }
  return event;
}

function show(value: FieldValue, fresh: string): string {
  if (value === ABSENT) return 'absent';
  if (typeof value === 'string') return JSON.stringify(value.split(fresh).join('…'));
  return String(value);
}

/** Every combination of the domains (or, past the limit, each field varied alone), the first values first. */
function* combinations(domains: [string, FieldValue[]][]): Generator<Map<string, FieldValue>> {
  const size = domains.reduce((n, [, values]) => n * values.length, 1);
  const base = new Map(domains.map(([path, values]) => [path, values[0] as FieldValue]));
  if (size > COMBINATION_LIMIT) {
    yield base;
    for (const [path, values] of domains) for (const value of values.slice(1)) yield new Map([...base, [path, value]]);
    return;
  }
  const index = domains.map(() => 0);
  for (let n = 0; n < size; n += 1) {
    yield new Map(domains.map(([path, values], i) => [path, values[index[i] as number] as FieldValue]));
    for (let i = domains.length - 1; i >= 0; i -= 1) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (domains[i]?.[1].length as number)) break;
      index[i] = 0;
    }
  }
}

/** The event's first values: a CloudTrail record of the event as it usually looks. */
function typicalValues(required: RequiredEvent, fresh: string): Map<string, FieldValue> {
  const values = new Map<string, FieldValue>(Object.entries(RECORD_TEMPLATE));
  for (const [path, requirement] of Object.entries(required.fields))
    values.set(path, requirementSeeds(requirement, fresh)[0] as FieldValue);
  return values;
}

/**
 * Whether the filter matches the usual form of at least one required event: a filter that does is about the
 * control (a narrower one names what it misses); one that does not is about something else.
 */
export function matchesTypical(pattern: FilterPattern, required: RequiredEvent[], patternText: string): boolean {
  if (pattern.kind === 'all') return true;
  if (pattern.kind === 'unsupported') return false;
  const fresh = freshCharacter(patternText);
  return required.some((event) => evaluate(pattern.expression, buildEvent(typicalValues(event, fresh))) === true);
}

type EventOutcome = { kind: 'matched' } | { kind: 'missed'; detail: string } | { kind: 'undecided'; detail: string };

function tryEvent(expression: FilterExpression, required: RequiredEvent, patternText: string): EventOutcome {
  const fresh = freshCharacter(patternText);
  const literals = literalValues(conditionsOf(expression), fresh);
  const fixed = typicalValues(required, fresh);
  const varied = new Set([...Object.keys(required.fields), ...literals.keys()]);
  const domains: [string, FieldValue[]][] = [...varied].map((path) => [
    path,
    domainOf(path, required.fields[path], literals.get(path) ?? [], fresh),
  ]);
  let undecided: string | undefined;
  for (const combination of combinations(domains)) {
    const event = buildEvent(new Map([...fixed, ...combination]));
    const result = evaluate(expression, event);
    if (result === true) continue;
    const differences = domains
      .filter(([path, values]) => combination.get(path) !== values[0])
      .map(([path]) => `${path} ${show(combination.get(path) as FieldValue, fresh)}`);
    const detail = differences.length > 0 ? `${required.label} (${differences.join(', ')})` : required.label;
    if (result === false) return { kind: 'missed', detail };
    undecided ??= detail;
  }
  return undecided === undefined ? { kind: 'matched' } : { kind: 'undecided', detail: undecided };
}

/** Whether `pattern` matches every event in `required`; `patternText` is the pattern as written (for fresh values). */
export function coverage(pattern: FilterPattern, required: RequiredEvent[], patternText: string): CoverageVerdict {
  if (pattern.kind === 'all') return { kind: 'covers' };
  if (pattern.kind === 'unsupported') return { kind: 'undecided', reason: pattern.reason };
  const outcomes = required.map((event) => tryEvent(pattern.expression, event, patternText));
  const missed = outcomes.flatMap((o) => (o.kind === 'missed' ? [o.detail] : []));
  if (missed.length > 0) return { kind: 'misses', missed };
  const undecided = outcomes.flatMap((o) => (o.kind === 'undecided' ? [o.detail] : []));
  if (undecided.length > 0)
    return {
      kind: 'undecided',
      reason: `cannot tell whether it matches ${undecided.join(', ')}: AWS documents a "*" between letters both as literal and as a wildcard, and no conversion between strings and numbers or booleans`,
    };
  return { kind: 'covers' };
}
