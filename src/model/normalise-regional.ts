import type { Gap } from './resource.ts';
import { observe, type Observed, type Raw } from './observed.ts';

/** What a regional normaliser is given: the account, and every region the snapshot covers for this service. */
export interface RegionalContext {
  accountId: string;
  partition: string;
  regions: readonly string[];
}

/** The regions to normalise: those the snapshot says were collected, and any region key of the section. */
export function regionsOf(section: Record<string, unknown>, regions: readonly string[]): string[] {
  return [...new Set([...regions, ...Object.keys(section)])].sort();
}

/**
 * A listing call of one region (DescribeNetworkAcls, DescribeTrails, …). When it failed or was not collected,
 * whatever it would have listed is hidden: a `Gap` per resource kind it lists, so every check of those kinds
 * reports `unknown` for the region instead of passing by silence. Returns the listed items, or [] on a gap.
 */
export function listing<R, T>(
  raw: Raw<R>,
  where: { operation: string; region: string },
  hides: { kind: string; arn: string }[],
  gaps: Gap[],
  items: (response: R) => T[],
): { observed: Observed<true>; items: T[] } {
  let found: T[] = [];
  const observed = observe(raw, where.operation, [], (response: R) => {
    found = items(response);
    return true as const;
  });
  if (observed.kind === 'error' || observed.kind === 'missing') {
    const reason =
      observed.kind === 'error'
        ? `${observed.error.name} on ${where.operation} in ${where.region}${observed.error.message ? `: ${observed.error.message}` : ''}`
        : `${where.operation} was not collected in ${where.region}`;
    for (const hidden of hides) gaps.push({ kind: hidden.kind, arn: hidden.arn, region: where.region, reason });
  }
  return { observed, items: found };
}

/** AWS tag lists (`[{ Key, Value }]`) as a record. */
export function tagRecord(tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key as string, t.Value ?? '']),
  );
}

/**
 * `target.push(...items)` passes every item as an argument: an account with 150k EBS snapshots
 * overflows the stack. A loop has no such limit.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
