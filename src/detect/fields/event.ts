/** What a field extractor sees of one CloudTrail record. */

export type FieldValue = string | number | boolean | undefined;

export interface FieldEvent {
  /** the record's raw JSON text */
  readonly text: string;
  /** the parsed record (parsed on first access) */
  readonly record: Record<string, unknown>;
  /** 1-based position of the event in the stream this matcher has seen (Falco's evt.num) */
  readonly num: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `record.a.b.c` when every step is an object key. */
export function pathOf(record: unknown, ...keys: string[]): unknown {
  return pathIn(record, keys);
}

/** pathOf with the keys as one list: a field reader made once per field calls it without a rest array per event */
export function pathIn(record: unknown, keys: readonly string[]): unknown {
  let node = record;
  for (let i = 0; i < keys.length; i++) {
    if (!isRecord(node)) return undefined;
    node = node[keys[i]!];
  }
  return node;
}

/** A value CloudTrail writes as one item or a list of them, as a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The account the event belongs to: the one that received it, else the caller's. */
export function ownAccount(ev: FieldEvent): string | undefined {
  return stringAt(ev.record, 'recipientAccountId') ?? stringAt(ev.record, 'userIdentity', 'accountId');
}

/** A string at `keys`, else no value (the cloudtrail plugin's GetStringBytes). */
export function stringAt(record: unknown, ...keys: string[]): string | undefined {
  return stringIn(record, keys);
}

/** stringAt with the keys as one list (see pathIn) */
export function stringIn(record: unknown, keys: readonly string[]): string | undefined {
  const value = pathIn(record, keys);
  return typeof value === 'string' ? value : undefined;
}

/** A JSON value as the json plugin renders it: strings unquoted, everything else as compact JSON. */
export function jsonText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Looks a key up ignoring case, so `ct.request.username` finds `userName` and `ct.request.host` finds `Host`. */
export function keyInsensitive(node: unknown, key: string): unknown {
  if (!isRecord(node)) return undefined;
  if (Object.prototype.hasOwnProperty.call(node, key)) return node[key];
  const lower = key.toLowerCase();
  for (const candidate of Object.keys(node)) {
    if (candidate.toLowerCase() === lower) return node[candidate];
  }
  return undefined;
}
