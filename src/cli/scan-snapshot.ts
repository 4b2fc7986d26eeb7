/**
 * `scan snapshot FILE` and `demo`: the checks on a saved snapshot. Kept apart from `scan aws` so that `demo`
 * starts without the AWS SDK and the collectors.
 */
import { checksForService } from '../checks/catalogue.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { UserError } from '../errors.ts';
import { readSnapshot } from '../model/snapshot.ts';
import { emitReport, loadCheckOptions, type ReportOptions } from './scan-output.ts';

export interface SnapshotScanOptions extends ReportOptions {
  service?: string;
}

export function checksFor(service: string | undefined) {
  const checks = checksForService(service);
  if (checks.length === 0) throw new UserError(`no checks for service "${service}"`, { field: '--service' });
  return checks;
}

/** `scan snapshot FILE`: also the engine behind `demo`. */
export async function scanSnapshotFile(file: string, options: SnapshotScanOptions): Promise<number> {
  const snapshot = await readSnapshot(file);
  const report = scanSnapshot(snapshot, checksFor(options.service), { checkOptions: await loadCheckOptions(options) });
  return emitReport(report, options);
}
