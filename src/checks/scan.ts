import type { Result } from '../findings/result.ts';
import { normalise } from '../model/normalise.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../report/scan-report.ts';
import type { Check } from './define-check.ts';
import { runChecks, servicesNotCollected } from './engine.ts';
import type { CheckOptions } from './options.ts';

export interface ScanSettings {
  /** the report's `generatedAt` */
  now?: Date;
  /** options a config file set, by check id (`--config`) */
  checkOptions?: CheckOptions;
}

/** The one path from evidence to results: live scans, snapshots and the demo all go through here. */
export function scanSnapshot(snapshot: Snapshot, checks: readonly Check[], { now = new Date(), checkOptions }: ScanSettings = {}): ScanReport {
  const state = normalise(snapshot);
  const results: Result[] = runChecks(checks, state, checkOptions);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    accountId: state.accountId,
    generatedAt: now.toISOString(),
    collectedAt: state.collectedAt,
    partial: state.partial,
    notCollected: servicesNotCollected(checks, state),
    results,
  };
}
