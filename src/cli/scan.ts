import type { Command } from 'commander';
import { checksForService } from '../checks/catalogue.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { UserError } from '../errors.ts';
import { readSnapshot } from '../model/snapshot.ts';
import { addReportOptions, emitReport, type ReportOptions } from './scan-output.ts';

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
  const report = scanSnapshot(snapshot, checksFor(options.service));
  return emitReport(report, options);
}

export function registerScanCommand(program: Command): void {
  const scan = program.command('scan').description('scan an AWS account (live or from a snapshot) for misconfigurations');
  addReportOptions(
    scan
      .command('snapshot')
      .description('run the checks on a saved snapshot (see docs/snapshot.md)')
      .argument('<file>', 'snapshot JSON written by `scan aws --snapshot-out` or built from `aws ... --output json`')
      .option('--service <name>', 'only checks of this service (e.g. s3)'),
  ).action(async (file: string, options: SnapshotScanOptions) => {
    process.exitCode = await scanSnapshotFile(file, options);
  });
}
