import type { Result } from '../findings/result.ts';
import { normalise } from '../model/normalise.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { isDeepStrictEqual } from 'node:util';
import { REPORT_SCHEMA_VERSION, type NonDefaultCheckOptions, type ScanReport } from '../report/scan-report.ts';
import type { Check } from './define-check.ts';
import { runChecks, servicesNotCollected } from './engine.ts';
import { defaultOptions, type CheckOptions } from './options.ts';

export interface ScanSettings {
  /** the report's `generatedAt` */
  now?: Date;
  /** options a config file set, by check id (`--config`) */
  checkOptions?: CheckOptions;
}

/** The options of the checks that run which differ from their defaults (a config restating a default is no change). */
function nonDefaultOptions(checks: readonly Check[], checkOptions: CheckOptions | undefined): NonDefaultCheckOptions[] {
  return checks.flatMap((check) => {
    const used = checkOptions?.get(check.id) as Record<string, unknown> | undefined;
    if (!used) return [];
    const defaults = defaultOptions(check) as Record<string, unknown>;
    const changed = Object.keys(used).filter((name) => !isDeepStrictEqual(used[name], defaults[name]));
    if (changed.length === 0) return [];
    return [
      {
        checkId: check.id,
        options: Object.fromEntries(changed.map((n) => [n, used[n]])),
        defaults: Object.fromEntries(changed.map((n) => [n, defaults[n]])),
      },
    ];
  });
}

/** The one path from evidence to results: live scans, snapshots and the demo all go through here. */
export function scanSnapshot(
  snapshot: Snapshot,
  checks: readonly Check[],
  { now = new Date(), checkOptions }: ScanSettings = {},
): ScanReport {
  const state = normalise(snapshot);
  const results: Result[] = runChecks(checks, state, checkOptions);
  const changed = nonDefaultOptions(checks, checkOptions);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    accountId: state.accountId,
    generatedAt: now.toISOString(),
    collectedAt: state.collectedAt,
    partial: state.partial,
    notCollected: servicesNotCollected(checks, state),
    ...(changed.length > 0 ? { nonDefaultCheckOptions: changed } : {}),
    results,
  };
}
