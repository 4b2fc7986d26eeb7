/**
 * `scan snapshot FILE` and `demo`: the checks on a saved snapshot. Kept apart from `scan aws` so that `demo`
 * starts without the AWS SDK and the collectors.
 */
import type { Command } from 'commander';
import { checksForService, knownServices } from '../checks/catalogue.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { UserError } from '../errors.ts';
import { readSnapshot } from '../model/snapshot.ts';
import { addServiceOption, dbOption } from './options.ts';
import { addReportOptions, emitReport, loadCheckOptions, type ReportOptions } from './scan-output.ts';
import { openStoreToWrite, withScanStore, type DbOption } from './store-option.ts';

export interface SnapshotScanOptions extends ReportOptions, DbOption {
  service?: string[];
}

/** The checks of these services. */
export function checksForServices(services: readonly string[]) {
  return services.flatMap((service) => checksForService(service));
}

/** `--service s3,iam` on `scan snapshot` and `demo`: the checks of these services; none given means every check. */
export function checksFor(service: string[] | undefined) {
  if (service === undefined) return checksForService(undefined);
  const wanted = [...new Set(service)];
  if (wanted.length === 0) throw new UserError('names no service', { field: '--service' });
  for (const name of wanted) {
    if (checksForService(name).length === 0) {
      throw new UserError(`no checks for service "${name}" (there are checks for ${knownServices().join(', ')})`, {
        field: '--service',
      });
    }
  }
  return checksForServices(wanted);
}

/** The flags of `scan snapshot`, which `demo` has too. */
export function addSnapshotScanOptions(command: Command): Command {
  return addServiceOption(addReportOptions(command), knownServices()).addOption(dbOption());
}

/** `scan snapshot FILE`: also the engine behind `demo`. */
export async function scanSnapshotFile(
  file: string,
  options: SnapshotScanOptions,
  source = 'scan snapshot',
): Promise<number> {
  const snapshot = await readSnapshot(file);
  const checks = checksFor(options.service);
  const store = await openStoreToWrite(options);
  const report = scanSnapshot(snapshot, checks, { checkOptions: await loadCheckOptions(options) });
  return emitReport(report, options, withScanStore(store, { source, snapshot, checks }, options));
}
