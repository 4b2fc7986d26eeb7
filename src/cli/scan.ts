import type { Command } from 'commander';
import { AwsClients } from '../aws/clients.ts';
import { checksForService } from '../checks/catalogue.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectS3, DEFAULT_CONCURRENCY, type S3Collection } from '../collect/s3-collector.ts';
import { InternalError, UserError } from '../errors.ts';
import { readSnapshot, validateSnapshot, writeSnapshot } from '../model/snapshot.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { progressBar } from './progress-bar.ts';
import { addSecurityHubOptions, securityHubHooks } from './securityhub-option.ts';
import { addReportOptions, checkReportOptions, emitReport, hint, type ReportOptions } from './scan-output.ts';

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
  registerScanAwsCommand(scan);
}

export interface AwsScanOptions extends ReportOptions {
  service?: string;
  region: string[];
  profile?: string;
  endpointUrl?: string;
  concurrency: string;
  snapshotOut?: string;
}

/** Services `scan aws` collects today. */
const COLLECTED_SERVICES = ['s3'];
/** Conventional exit code of a run stopped by Ctrl-C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

function collectRepeatable(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UserError(`"${value}" is not a number of parallel calls between 1 and 256`, { field: '--concurrency' });
  }
  return n;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function requireRegionNames(regions: readonly string[]): void {
  for (const region of regions) {
    if (!REGION_NAME.test(region)) throw new UserError(`"${region}" is not an AWS region name (e.g. ap-northeast-1)`, { field: '--region' });
  }
}

function requireCollectedService(service: string | undefined): void {
  if (service !== undefined && !COLLECTED_SERVICES.includes(service)) {
    throw new UserError(`scan aws collects ${COLLECTED_SERVICES.join(', ')} (not "${service}")`, { field: '--service' });
  }
}

/** The collector's own output must load like a file would; if it does not, that is our bug. */
function revalidate(snapshot: Snapshot): Snapshot {
  try {
    return validateSnapshot(JSON.parse(JSON.stringify(snapshot)), '<collected>');
  } catch (error) {
    throw new InternalError(`the collected snapshot does not validate: ${error instanceof UserError ? error.format() : String(error)}`);
  }
}

function summary(collection: S3Collection, regions: readonly string[]): string | undefined {
  const notes: string[] = [];
  if (collection.outsideRegions.length > 0) {
    notes.push(
      `${collection.outsideRegions.length} of ${collection.bucketsSeen} buckets are outside --region ${regions.join(',')} and were not scanned`,
    );
  }
  return notes.length ? notes.join('\n') : undefined;
}

/** `scan aws`: collect a live account, then the very path `scan snapshot` takes. */
export async function scanAws(options: AwsScanOptions): Promise<number> {
  requireCollectedService(options.service);
  const checks = checksFor(options.service);
  const concurrency = parseConcurrency(options.concurrency);
  requireRegionNames(options.region);
  // Bad report flags fail now, not after a scan of every bucket.
  await checkReportOptions(options);

  const clients = await AwsClients.create({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    maxSockets: concurrency,
  });
  const bar = progressBar('scanning S3 buckets', { quiet: options.quiet });
  const controller = new AbortController();
  const onInterrupt = () => {
    bar.log('interrupted: finishing the calls in flight (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  let collection: S3Collection;
  try {
    collection = await collectS3(clients, {
      regions: options.region,
      concurrency,
      signal: controller.signal,
      onProgress: (p) => bar.update(p.bucketsDone, p.bucketsTotal, p.errors),
      warn: (message) => bar.log(`warning: ${message}`),
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    bar.done();
    clients.destroy();
  }

  const snapshot = revalidate(collection.snapshot);
  if (options.snapshotOut) await writeSnapshot(options.snapshotOut, snapshot);
  const scanned = Object.keys(snapshot.s3?.buckets ?? {}).length;
  const saved = options.snapshotOut ? `; what was collected is in ${options.snapshotOut} (marked partial)` : '';
  const done = `${collection.complete} of ${scanned} buckets fully collected${saved}`;
  if (collection.fatal) {
    process.stderr.write(`scan stopped: ${done}\n`);
    throw collection.fatal;
  }
  if (collection.interrupted) {
    process.stderr.write(`interrupted: ${done}\n`);
    return EXIT_INTERRUPTED;
  }
  const note = summary(collection, options.region);
  if (note) hint(options, note);
  return emitReport(scanSnapshot(snapshot, checks), options, securityHubHooks(options, clients.homeRegion));
}

function registerScanAwsCommand(scan: Command): void {
  addSecurityHubOptions(addReportOptions(
    scan
      .command('aws')
      .description('scan a live AWS account through the default credential chain (read-only calls)')
      .option('--service <name>', 'only this service (s3)')
      .option('--region <region>', 'only scan buckets in this region (repeatable or comma-separated); every bucket is still listed', collectRepeatable, [])
      .option('--profile <name>', 'AWS profile from ~/.aws/config (default: AWS_PROFILE or the default chain)')
      .option('--endpoint-url <url>', 'send every AWS call to this URL (an AWS API emulator); S3 uses path-style addressing')
      .option('--concurrency <n>', 'API calls in flight at once', String(DEFAULT_CONCURRENCY))
      .option('--snapshot-out <file>', 'also write the collected evidence as a snapshot (rescan it with `scan snapshot FILE`)'),
  )).action(async (options: AwsScanOptions) => {
    process.exitCode = await scanAws(options);
  });
}
