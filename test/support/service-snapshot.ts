import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { SERVICES } from '../../src/services/registry.ts';
import type { SECTIONS } from '../../src/services/sections.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';

/** Any services' sections, each typed by its generated snapshot schema. */
export type ServiceSections = Partial<Pick<Snapshot, keyof typeof SECTIONS>>;

const REGIONAL = new Set(SERVICES.filter((s) => s.scope === 'regional').map((s) => s.name));

/**
 * A snapshot holding only `sections` (the services' declarations say which are regional); `regions`: the regions
 * collected, by default every region a regional section names.
 */
export function snapshotOf(sections: ServiceSections, regions?: readonly string[]): Snapshot {
  const named = Object.entries(sections).flatMap(([service, section]) =>
    REGIONAL.has(service) && section ? Object.keys(section) : [],
  );
  const collected = regions ?? [...new Set(named)];
  return {
    cloudwarden: 'snapshot/v1',
    accountId: ACCOUNT_ID,
    partition: 'aws',
    collectedAt: '2026-11-22T00:00:00Z',
    ...(collected.length > 0 ? { regions: [...collected] } : {}),
    ...sections,
  };
}
