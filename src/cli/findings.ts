/**
 * `cloudwarden findings`: the store's findings as they stand, in every format `scan` writes. Each one is shown
 * as a result (resolved ones as `pass`, with how they were resolved) whose message says when it was first and
 * last seen.
 */
import type { Command } from 'commander';
import { FORMAT_NAMES, formatterFor } from '../report/formats.ts';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../report/scan-report.ts';
import { colourWanted } from '../report/terminal.ts';
import { writeOutputFile } from '../report/write-file.ts';
import { asResult } from '../store/as-result.ts';
import { findingQuery } from '../store/filters.ts';
import { latestOrgRunId, orgRunStatus } from '../store/org-runs.ts';
import type { StoreDb } from '../store/open.ts';
import { UserError } from '../errors.ts';
import { FINDING_STATUSES, listFindings, type FindingQuery } from '../store/queries.ts';
import type { Exits } from './exits.ts';
import { addFormatOption, addOutputOption, addSeverityOption, list } from './options.ts';
import type { DbOption } from './store-option.ts';
import { addStoreReadOption, withStoreToRead } from './store-reading.ts';
import { VERSION } from './version.ts';

interface FindingsOptions extends DbOption {
  status?: string[];
  since?: string;
  account?: string[];
  region?: string[];
  service?: string[];
  check?: string[];
  severity?: string;
  tag?: string[];
  control?: string[];
  format: string;
  output?: string;
  /** an organization scan run of `scan aws --org --queue` (or `latest`): its accounts, once all are in */
  run?: string;
}

/**
 * The query narrowed to the accounts of an organization run (`--run`), which must be complete: every account it
 * expects scanned or failed. The failed ones are named on stderr; an incomplete run is an error naming how many are in.
 */
async function narrowToRun(store: StoreDb, run: string, query: FindingQuery): Promise<FindingQuery> {
  const runId = run === 'latest' ? await latestOrgRunId(store) : run;
  const status = runId === undefined ? undefined : await orgRunStatus(store, runId);
  if (!status) throw new UserError(`no organization run "${run}" in ${store.name}`, { field: '--run' });
  if (!status.complete) {
    const inNow = status.expected.length - status.waiting.length;
    throw new UserError(
      `run ${status.runId} is not complete: ${inNow} of ${status.expected.length} account(s) in (workers still to scan ${status.waiting.slice(0, 5).join(', ')}${status.waiting.length > 5 ? ', …' : ''})`,
      { field: '--run' },
    );
  }
  for (const f of status.failed)
    process.stderr.write(`account ${f.accountId} not scanned in run ${status.runId}: ${f.detail}\n`);
  const scanned = status.scanned.map((s) => s.accountId);
  const accounts = query.accounts ? scanned.filter((a) => query.accounts?.includes(a)) : scanned;
  // no account scanned: an account id no finding has, so that nothing is listed
  return { ...query, accounts: accounts.length > 0 ? accounts : ['-'] };
}

export async function showFindings(options: FindingsOptions, now: Date = new Date()): Promise<number> {
  const formatter = await formatterFor(options.format);
  const query = findingQuery(options, now);
  const findings = await withStoreToRead(options, async (store) =>
    listFindings(store, options.run ? await narrowToRun(store, options.run, query) : query),
  );
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
    .option('--region <names>', 'only these regions, comma-separated or repeated', list)
    .option('--service <names>', 'only the checks of these services (s3, iam…), comma-separated or repeated', list)
    .option('--check <id...>', 'only these checks (id or alias such as AVD-AWS-0089 or S3.9)')
    .option('--tag <key=value...>', 'only resources with every one of these tags')
    .option('--control <framework:id...>', 'only the checks of these framework controls, e.g. cis-aws-v3.0:2.1.1')
    .option(
      '--run <id>',
      'only the accounts of this organization run of `scan aws --org --queue` (or latest); an error until every account is in',
    );
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
