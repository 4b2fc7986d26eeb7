import type { AccountState, Gap } from './account-state.ts';
import { observe } from './observed.ts';
import type { Snapshot } from './snapshot-schema.ts';
import { SECTIONS } from '../services/sections.ts';
import { SERVICE_STATES } from '../services/states.ts';
import { normaliseContext, type SectionName } from '../services/define-state.ts';

export { observe };

/**
 * The snapshot as the typed model: every service state normalised from its sections. A service none of whose
 * sections is in the snapshot gets an empty state (no regions) and no gaps: its checks are not run at all.
 */
export function normalise(snapshot: Snapshot): AccountState {
  const { accountId, partition } = snapshot;
  const regions = snapshot.regions ?? [];
  const states: Record<string, unknown> = {};
  const gaps: Gap[] = [];
  for (const [name, declaration] of Object.entries(SERVICE_STATES)) {
    const collected = (declaration.sections as readonly SectionName[]).some((s) => snapshot[s] !== undefined);
    const context = normaliseContext(
      declaration.resources,
      { accountId, partition, regions: collected ? regions : [] },
      name,
    );
    const normalised = declaration.normalise(snapshot, context);
    states[name] = normalised.state;
    if (collected && 'gaps' in normalised && normalised.gaps) gaps.push(...normalised.gaps);
  }
  return {
    accountId,
    partition,
    collectedAt: snapshot.collectedAt,
    partial: snapshot.partial === true,
    regions: regions.map((region) => ({
      kind: 'region',
      arn: `arn:${partition}:account::${accountId}:region/${region}`,
      region,
      accountId,
    })),
    collectedServices: (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).filter(
      (service) => snapshot[service] !== undefined,
    ),
    gaps,
    ...states,
  } as AccountState;
}
