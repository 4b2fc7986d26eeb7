/** Reading resource ids out of a CloudTrail event, for the services' keyed reads (see KeyedRead). */
import type { ChangeEvent } from './define-service.ts';

/**
 * Every string under a key of `fields` (compared ignoring case: CloudTrail writes `groupId`, EC2's newer APIs nest
 * `ModifyInstanceMetadataOptionsRequest.InstanceId`) in the request and the response, that `pattern` accepts; at
 * any depth, since CloudTrail wraps lists as `{ items: [...] }`.
 */
export function idsIn(event: ChangeEvent, fields: readonly string[], pattern: RegExp): string[] {
  const wanted = new Set(fields.map((f) => f.toLowerCase()));
  const found = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && wanted.has(key.toLowerCase()) && pattern.test(value)) found.add(value);
      else walk(value, depth + 1);
    }
  };
  walk(event.requestParameters, 0);
  walk(event.responseElements, 0);
  return [...found].sort();
}
