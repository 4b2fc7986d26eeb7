import type { Command } from 'commander';
import type { Exits } from './exits.ts';
import { DEFAULT_CONCURRENCY } from '../collect/run-state.ts';
import { COLLECTED_SERVICES } from '../services/service-names.ts';
import { addAwsOptions, addServiceOption, dbOption } from './options.ts';
import type { AwsScanOptions } from './scan-aws.ts';
import { registerScanIacCommand } from './scan-iac.ts';
import { addReportOptions } from './scan-output.ts';
import { addSnapshotScanOptions, scanSnapshotFile, type SnapshotScanOptions } from './scan-snapshot.ts';
import { addSecurityHubOptions } from './securityhub-option.ts';

export function registerScanCommand(program: Command, exits: Exits): void {
  const scan = program
    .command('scan')
    .description('scan an AWS account (live or from a snapshot) for misconfigurations');
  addSnapshotScanOptions(
    scan
      .command('snapshot')
      .description('run the checks on a saved snapshot (see docs/snapshot.md)')
      .argument('<file>', 'snapshot JSON written by `scan aws --snapshot-out` or built from `aws ... --output json`'),
  ).action(exits(async (file: string, options: SnapshotScanOptions) => scanSnapshotFile(file, options)));
  registerScanAwsCommand(scan, exits);
  registerScanIacCommand(scan, exits);
}

function registerScanAwsCommand(scan: Command, exits: Exits): void {
  addSecurityHubOptions(
    addReportOptions(
      addAwsOptions(
        addServiceOption(
          scan
            .command('aws')
            .description('scan a live AWS account through the default credential chain (read-only calls)'),
          COLLECTED_SERVICES,
        ),
        {
          repeatable: true,
          description:
            'only these regions (repeatable or comma-separated): regional services are collected there only, S3 scans only buckets there (every bucket is still listed); default: every enabled region',
        },
      )
        .option('--concurrency <n>', 'API calls in flight at once', String(DEFAULT_CONCURRENCY))
        .option(
          '--snapshot-out <file>',
          'also write the collected evidence as a snapshot (rescan it with `scan snapshot FILE`); with --org/--accounts a directory, one <account>.json each',
        )
        .option(
          '--org',
          'scan every ACTIVE account of the organization (organizations:ListAccounts) through --role-name',
        )
        .option('--accounts <file>', 'scan these accounts through --role-name: ids one per line, or a JSON array')
        .option(
          '--role-name <name>',
          'role assumed in each account of --org/--accounts',
          'OrganizationAccountAccessRole',
        )
        .option('--external-id <id>', 'external id the role requires (sts:ExternalId)')
        .option(
          '--queue <sqs://QUEUE_URL>',
          'with --org/--accounts: record the run in --db and enqueue one message per account for `cloudwarden worker` instead of scanning (docs/scale.md)',
        )
        .addOption(dbOption()),
    ),
  ).action(exits(async (options: AwsScanOptions) => (await import('./scan-aws.ts')).scanAws(options)));
}
