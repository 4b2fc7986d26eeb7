/**
 * `cloudwarden findings`: the store's findings as they stand, in every format `scan` writes. Each one is shown
 * as a result (resolved ones as `pass`, with how they were resolved) whose message says when it was first and
 * last seen.
 */
import type { Command } from 'commander';
import { findChecks, requireChecks } from '../checks/catalogue.ts';
import { UserError } from '../errors.ts';
import type { Result } from '../findings/result.ts';
import { parseSeverities } from '../findings/filters.ts';
import { isSeverity } from '../findings/severity.ts';
import { FORMAT_NAMES, formatterFor } from '../report/formats.ts';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../report/scan-report.ts';
import { colourWanted } from '../report/terminal.ts';
import { writeOutputFile } from '../report/write-file.ts';
import { FINDING_STATUSES, listFindings, type FindingStatus, type StoredFinding } from '../store/queries.ts';
import type { Exits } from './exits.ts';
import { addFormatOption, addOutputOption, addSeverityOption, list } from './options.ts';
import type { DbOption } from './store-option.ts';
import { addStoreReadOption, timeAgo, withStoreToRead } from './store-reading.ts';
import { VERSION } from './version.ts';

interface FindingsOptions extends DbOption {
  status?: string[];
  since?: string;
  account?: string[];
  check?: string[];
  severity?: string;
  format: string;
  output?: string;
}

function parseStatuses(values: readonly string[]): FindingStatus[] {
  return values.map((value) => {
    if (!(FINDING_STATUSES as readonly string[]).includes(value)) {
      throw new UserError(`unknown status "${value}" (use ${FINDING_STATUSES.join(', ')})`, { field: '--status' });
    }
    return value as FindingStatus;
  });
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

/** One stored finding as the formatters' Result: the check's metadata from the catalogue, the store's verdict. */
function asResult(finding: StoredFinding): Result {
  const check = findChecks(finding.checkId)[0];
  const resolution =
    finding.status === 'resolved'
      ? `, resolved ${day(finding.resolvedAt)} (${finding.verdict === 'deleted' ? 'resource deleted' : 'pass'})`
      : '';
  const result: Result = {
    checkId: finding.checkId,
    aliases: check ? [...check.aliases] : [],
    title: finding.title,
    severity: isSeverity(finding.severity) ? finding.severity : 'info',
    status:
      finding.status === 'resolved'
        ? 'pass'
        : finding.status === 'accepted'
          ? 'accepted'
          : finding.verdict === 'unknown'
            ? 'unknown'
            : 'fail',
    resource: { arn: finding.resourceArn, type: finding.resourceType, region: finding.region },
    accountId: finding.accountId,
    message: `${finding.message} (first seen ${day(finding.firstSeen)}, last seen ${day(finding.lastSeen)}${resolution})`,
    references: check ? [...check.references] : [],
  };
  if (result.status === 'fail' && check) result.remediation = { ...check.remediation };
  if (result.status === 'unknown') result.reason = finding.message;
  return result;
}

export async function showFindings(options: FindingsOptions, now: Date = new Date()): Promise<number> {
  const formatter = await formatterFor(options.format);
  const query = {
    today: now.toISOString().slice(0, 10),
    statuses: options.status ? parseStatuses(options.status) : (['open'] as FindingStatus[]),
    ...(options.since ? { since: timeAgo(options.since, '--since', now) } : {}),
    ...(options.account?.length ? { accounts: options.account } : {}),
    ...(options.check?.length ? { checks: options.check.flatMap((c) => requireChecks(c).map((k) => k.id)) } : {}),
    ...(options.severity ? { severities: parseSeverities(options.severity) } : {}),
  };
  const findings = await withStoreToRead(options, (store) => listFindings(store, query));
  const accounts = [...new Set(findings.map((f) => f.accountId))].sort();
  const latest = findings.reduce((max, f) => (f.lastSeen > max ? f.lastSeen : max), '');
  const report: ScanReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    accountId: accounts.join(','),
    generatedAt: now.toISOString(),
    collectedAt: latest || now.toISOString(),
    partial: false,
    results: findings.map(asResult),
  };
  const text = formatter(report, { color: !options.output && colourWanted(process.stdout), toolVersion: VERSION });
  if (options.output) await writeOutputFile(options.output, text, '--output');
  else process.stdout.write(text);
  return 0;
}

export function registerFindingsCommand(program: Command, exits: Exits): void {
  const command = program
    .command('findings')
    .description('findings in the results store as they stand: open, resolved or accepted (see docs/store.md)')
    .option('--status <list>', `only these, comma-separated (${FINDING_STATUSES.join(', ')}); default: open`, list)
    .option('--since <age>', 'only findings last seen this recently (7d, 12h)')
    .option('--account <ids>', 'only these accounts, comma-separated or repeated', list)
    .option('--check <id...>', 'only these checks (id or alias such as AVD-AWS-0089 or S3.9)');
  addSeverityOption(command, 'critical,high,medium,low,info');
  addStoreReadOption(
    addOutputOption(
      addFormatOption(
        command,
        FORMAT_NAMES.filter((f) => f !== 'template'),
        'table',
      ),
    ),
  );
  command.action(exits(async (options: FindingsOptions) => showFindings(options)));
}
