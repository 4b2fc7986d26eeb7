/**
 * Sigma field names on CloudTrail: a dotted path into the record as AWS writes it (`eventName`,
 * `userIdentity.type`, `requestParameters.bucketName`), each key matched exactly, else ignoring case. An array
 * on the way fans out: `resources.ARN` holds the ARN of every resource, and a value matches when any of them does.
 */
import { jsonText, keyInsensitive } from '../../fields/event.ts';
import type { FieldReader } from '../../fields/spec.ts';

/** Top-level fields AWS writes in one spelling, compared case-sensitively so that the matcher's index can pin them. */
export const PINNED_FIELDS: Readonly<Record<string, 'names' | 'sources'>> = {
  eventName: 'names',
  eventSource: 'sources',
};

export function fieldPath(name: string): string[] | undefined {
  const keys = name.split('.');
  return keys.some((k) => k === '') ? undefined : keys;
}

/** Every value at the path, JSON nulls included; none when the path is absent. */
export function valuesAt(record: unknown, keys: readonly string[]): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth);
      return;
    }
    if (depth === keys.length) {
      out.push(node);
      return;
    }
    const next = keyInsensitive(node, keys[depth] as string);
    if (next !== undefined) walk(next, depth + 1);
  };
  walk(record, 0);
  return out;
}

/** A value as Sigma compares it: text (numbers and booleans as written in JSON, objects as JSON); null stays null. */
export function textOf(value: unknown): string | null {
  if (value === null) return null;
  return jsonText(value) ?? null;
}

/** For outputs: the one value, or a JSON list when the path fans out to several. */
export function outputReader(keys: readonly string[]): FieldReader {
  return (ev) => {
    const values = valuesAt(ev.record, keys);
    if (values.length === 0) return undefined;
    return values.length === 1 ? jsonText(values[0]) : JSON.stringify(values);
  };
}
