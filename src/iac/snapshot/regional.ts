import type { IacEvidence } from '../evidence.ts';

/** `snapshot[service][region]`, created on first use; the region is listed in the snapshot's `regions`. */
export function regionEntry(evidence: IacEvidence, service: string, region: string): Record<string, unknown> {
  const snapshot = evidence.snapshot;
  const regions = (snapshot.regions ??= []) as string[];
  if (!regions.includes(region)) regions.push(region);
  const section = (snapshot[service] ??= {}) as Record<string, Record<string, unknown>>;
  return (section[region] ??= {});
}
