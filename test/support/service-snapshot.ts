import { z } from 'zod';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { SECTIONS } from '../../src/services/sections.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';

/** Any services' sections, each typed by its generated snapshot schema. */
export type ServiceSections = Partial<Pick<Snapshot, keyof typeof SECTIONS>>;

/**
 * Regional services: their sections are records keyed by region. Read from the schemas, not the declarations, so a
 * check's test does not load every AWS SDK client (seconds per test file).
 */
export const REGIONAL_SECTIONS = new Set(
  Object.entries(SECTIONS).flatMap(([name, section]) => (section instanceof z.ZodRecord ? [name] : [])),
);

/**
 * A snapshot holding only `sections` (the services' declarations say which are regional); `regions`: the regions
 * collected, by default every region a regional section names.
 */
export function snapshotOf(sections: ServiceSections, regions?: readonly string[]): Snapshot {
  const named = Object.entries(sections).flatMap(([service, section]) =>
    REGIONAL_SECTIONS.has(service) && section ? Object.keys(section) : [],
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
