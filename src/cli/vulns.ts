import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { EXIT, UserError } from '../errors.ts';
import { runExport } from '../vulns/export-flow.ts';
import type { InspectorFinding } from '../vulns/finding.ts';
import { readFindingsFile } from '../vulns/file-source.ts';
import { parseFilter, toFilterCriteria, type FilterOptions } from '../vulns/filters.ts';
import { reportFormat } from '../vulns/formats/index.ts';
import { listFindingsPages } from '../vulns/inspector-source.ts';
import { writeReport, type FindingPages, type TextSink } from '../vulns/report.ts';
import { uploadReport } from '../vulns/s3-sink.ts';
import { parseS3Url, reportFileName } from '../vulns/s3-url.ts';
import { fileSink, streamSink } from '../vulns/sinks.ts';
import { summaryLine } from '../vulns/summary.ts';
import { VulnsClients } from '../vulns/vulns-clients.ts';
import type { Exits } from './exits.ts';
import {
  addAwsOptions,
  addFormatOption,
  addOutputOption,
  addQuietOption,
  addSeverityOption,
  dbOption,
  repeatable,
} from './options.ts';
import { openStoreToWrite, type DbOption } from './store-option.ts';
import { storeVulnFindings } from '../store/vulns.ts';
import { colourWanted } from '../report/terminal.ts';
import { hint } from './scan-output.ts';

interface AwsFlags {
  region?: string[];
  profile?: string;
  endpointUrl?: string;
  quiet?: boolean;
}

interface ReportFlags extends FilterOptions, AwsFlags, DbOption {
  from?: string;
  format: string;
  output?: string;
}

interface ExportFlags extends FilterOptions, AwsFlags {
  bucket: string;
  prefix?: string;
  kmsKey: string;
  format: string;
  fixPolicies?: boolean;
  yes?: boolean;
}

/** Inspector's filter criteria as flags; each flag repeats or takes a comma-separated list. */
function addFilterOptions(command: Command): Command {
  return addSeverityOption(command, 'CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNTRIAGED', repeatable)
    .option('--fix-available <list>', 'YES, NO or PARTIAL', repeatable)
    .option('--finding-type <list>', 'PACKAGE_VULNERABILITY, NETWORK_REACHABILITY, CODE_VULNERABILITY', repeatable)
    .option('--status <list>', "ACTIVE, SUPPRESSED, CLOSED (default ACTIVE, like Inspector's own reports)", repeatable)
    .option(
      '--resource-type <list>',
      'AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE, AWS_ECR_REPOSITORY, AWS_LAMBDA_FUNCTION, CODE_REPOSITORY',
      repeatable,
    )
    .option('--ami <id>', 'EC2 image id (ami-...)', repeatable)
    .option('--ecr-repository <name>', 'ECR repository name', repeatable)
    .option('--ecr-image-tag <tag>', 'ECR image tag', repeatable)
    .option('--lambda-function <name>', 'Lambda function name', repeatable)
    .option('--vulnerability-id <id>', 'CVE-... (or another vulnerability id)', repeatable)
    .option('--account <id>', 'AWS account id (12 digits)', repeatable)
    .option('--first-seen-after <date>', 'first observed on or after this date (YYYY-MM-DD or ISO 8601)')
    .option('--exploit-available <list>', 'YES or NO', repeatable);
}

function addVulnsAwsOptions(command: Command, regions: 'many' | 'one'): Command {
  return addQuietOption(
    addAwsOptions(command, {
      repeatable: true,
      description:
        regions === 'many'
          ? "Inspector regions, repeated or comma-separated (default: the profile's region)"
          : "Inspector region (default: the KMS key's region)",
    }),
  );
}

function filterWithDefaults(options: FilterOptions) {
  return parseFilter({ ...options, status: options.status?.length ? options.status : ['ACTIVE'] });
}

async function sourceFor(
  options: ReportFlags,
  clients: () => Promise<VulnsClients>,
): Promise<{ pages: FindingPages; local: boolean }> {
  if (options.from) {
    if (options.region?.length)
      throw new UserError('--region reads from Inspector; it cannot be combined with --from', { field: '--region' });
    return { pages: await readFindingsFile(options.from), local: true };
  }
  const aws = await clients();
  const regions = options.region?.length ? options.region : [aws.homeRegion];
  return {
    pages: listFindingsPages(
      regions.map((r) => aws.inspector(r)),
      toFilterCriteria(filterWithDefaults(options)),
    ),
    local: false,
  };
}

async function* withProgress(pages: FindingPages): AsyncGenerator<InspectorFinding[]> {
  let read = 0;
  for await (const page of pages) {
    read += page.length;
    process.stderr.write(`\rread ${read.toLocaleString('en-US')} findings\u001b[K`);
    yield page;
  }
}

/** Writes the report to a file that appears whole or not at all (a failed run removes its partial file). */
async function writeFile<T>(file: string, write: (sink: TextSink) => Promise<T>): Promise<T> {
  const sink = fileSink(file);
  try {
    const result = await write(sink);
    await sink.close();
    return result;
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

async function report(options: ReportFlags): Promise<void> {
  const format = reportFormat(options.format);
  const filter = filterWithDefaults(options);
  let aws: VulnsClients | undefined;
  const clients = async () =>
    (aws ??= await VulnsClients.create({ profile: options.profile, endpointUrl: options.endpointUrl }));
  // opened first: a bad URL or an unreachable database stops the run before Inspector is read
  const store = await openStoreToWrite(options);
  const now = new Date();
  let stored = 0;
  const onFindings = store
    ? async (findings: InspectorFinding[]) => {
        await storeVulnFindings(store, findings, now.toISOString());
        stored += findings.length;
      }
    : undefined;
  try {
    const { pages, local } = await sourceFor(options, clients);
    const output = options.output;
    const color = !output && format === reportFormat('table') && colourWanted(process.stdout);
    // a running count on a terminal's stderr, unless the report itself is going to that terminal
    const showProgress = !options.quiet && process.stderr.isTTY === true && !(process.stdout.isTTY && !output);
    const write = async (sink: TextSink) => {
      const summary = await writeReport(showProgress ? withProgress(pages) : pages, format, sink, {
        now,
        color,
        localFilter: local ? filter : undefined,
        onFindings,
      });
      if (store) hint(options, `stored ${stored} Inspector finding${stored === 1 ? '' : 's'} in ${store.name}`);
      if (showProgress) process.stderr.write('\r\u001b[K');
      return summary;
    };

    if (!output) {
      const summary = await write(streamSink(process.stdout));
      if (options.format === 'csv' || options.format === 'json') hint(options, summaryLine(summary));
      return;
    }
    if (!output.startsWith('s3://')) {
      const summary = await writeFile(output, write);
      hint(options, `${summaryLine(summary)}; written to ${output}`);
      return;
    }
    const location = parseS3Url(output, reportFileName(now, format.extension));
    const dir = await mkdtemp(join(tmpdir(), 'cloudwarden-vulns-'));
    try {
      const file = join(dir, `report.${format.extension}`);
      const summary = await writeFile(file, write);
      const s3 = await clients();
      await uploadReport(
        (region) => s3.s3(region),
        options.region?.[0] ?? s3.homeRegion,
        file,
        location,
        format.contentType,
      );
      hint(options, `${summaryLine(summary)}; uploaded to s3://${location.bucket}/${location.key}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    aws?.destroy();
    await store?.db.destroy();
  }
}

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

async function confirmOnStdin(yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes) return true;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

async function exportReport(options: ExportFlags): Promise<void> {
  const format = options.format.toUpperCase();
  if (format !== 'CSV' && format !== 'JSON')
    throw new UserError(`unknown format "${options.format}" (use csv or json)`, { field: '--format' });
  if (!BUCKET_NAME.test(options.bucket))
    throw new UserError(`"${options.bucket}" is not an S3 bucket name`, { field: '--bucket' });
  if (!KMS_KEY_ARN.test(options.kmsKey)) {
    throw new UserError(
      `"${options.kmsKey}" is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID; Inspector takes no alias)`,
      { field: '--kms-key' },
    );
  }
  if (options.fixPolicies && !options.yes && !process.stdin.isTTY) {
    throw new UserError(
      'refusing to change policies without a terminal to ask on: run again with --yes to apply them',
      { field: '--fix-policies' },
    );
  }
  if ((options.region?.length ?? 0) > 1)
    throw new UserError('an export is made in one region: give --region once', { field: '--region' });
  const criteria = toFilterCriteria(filterWithDefaults(options));
  const region = options.region?.[0] ?? options.kmsKey.split(':')[3]!;
  const aws = await VulnsClients.create({ profile: options.profile, endpointUrl: options.endpointUrl });
  try {
    const { accountId, partition } = await aws.identity();
    const prefix = options.prefix ? options.prefix.replace(/^\/+/, '') : '';
    // the preflight is always shown, even with --quiet: it is what the user has to act on
    const log = (line: string) => void process.stderr.write(`${line}\n`);
    const outcome = await runExport(
      {
        target: { accountId, partition, region, bucket: options.bucket, prefix, kmsKeyArn: options.kmsKey },
        format,
        criteria,
        fixPolicies: options.fixPolicies === true,
        clients: { inspector: aws.inspector(region), s3: aws.s3(region), kms: aws.kms(region) },
        poll: {
          onProgress: (status, elapsedMs) => {
            if (options.quiet) return;
            const line = `report ${status.toLowerCase().replace('_', ' ')} (${Math.round(elapsedMs / 1000)} s)`;
            process.stderr.write(process.stderr.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
          },
        },
      },
      { log, confirm: (question) => confirmOnStdin(options.yes, question) },
    );
    if (process.stderr.isTTY && !options.quiet) process.stderr.write('\n');
    process.stdout.write(`report ${outcome.reportId} ${outcome.status}: s3://${options.bucket}/${prefix}\n`);
  } finally {
    aws.destroy();
  }
}

export function registerVulnsCommand(program: Command, exits: Exits): void {
  const vulns = program
    .command('vulns')
    .description(
      'Amazon Inspector vulnerability findings: reports (CSV, JSON, table, Markdown, HTML) and exports to S3',
    );
  const reportCommand = vulns
    .command('report')
    .description('report Inspector findings (from Inspector2 ListFindings, or --from a saved JSON); see docs/vulns.md')
    .option(
      '--from <file>',
      'read findings from this JSON (`aws inspector2 list-findings` output or a --format json report)',
    );
  addOutputOption(
    addFormatOption(
      reportCommand,
      ['csv', 'json', 'table', 'markdown', 'html'],
      'table',
      " (csv: Inspector's CSV columns, json: Inspector's JSON)",
    ),
    'write to a file, or to s3://bucket/prefix/ (a dated file name is added)',
  );
  reportCommand.addOption(dbOption('also store the findings, by finding ARN (see docs/store.md)'));
  addVulnsAwsOptions(addFilterOptions(reportCommand), 'many').action(
    exits(async (options: ReportFlags) => {
      await report(options);
      return EXIT.ok;
    }),
  );
  const exportCommand = vulns
    .command('export')
    .description(
      'have Inspector write a findings report (CreateFindingsReport) to a KMS-encrypted bucket, after a policy preflight',
    )
    .requiredOption('--bucket <name>', 'destination bucket (same region as the report)')
    .option('--prefix <prefix>', 'key prefix inside the bucket')
    .requiredOption('--kms-key <arn>', 'KMS key ARN Inspector encrypts the report with (same region)')
    .option('--fix-policies', 'add the missing bucket/key policy statements (shows the diff and asks first)')
    .option('--yes', 'apply --fix-policies without asking');
  addFormatOption(exportCommand, ['csv', 'json'], 'csv');
  addVulnsAwsOptions(addFilterOptions(exportCommand), 'one').action(
    exits(async (options: ExportFlags) => {
      await exportReport(options);
      return EXIT.ok;
    }),
  );
  for (const command of vulns.commands) command.exitOverride();
  vulns.exitOverride();
}
