import Table from 'cli-table3';
import pc from 'picocolors';
import type { Result } from '../findings/result.ts';
import { SEVERITY_RANK, type Severity } from '../findings/severity.ts';
import { escapeControl as t } from './escape.ts';
import { filledRemediation } from './remediation-values.ts';
import type { FormatOptions, Formatter, ScanReport } from './scan-report.ts';

const FAILURE_COLUMNS: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

interface Counts {
  bySeverity: Record<Severity, number>;
  unknown: number;
  pass: number;
  accepted: number;
}

function emptyCounts(): Counts {
  return { bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, unknown: 0, pass: 0, accepted: 0 };
}

function add(counts: Counts, result: Result): void {
  if (result.status === 'fail') counts.bySeverity[result.severity] += 1;
  else if (result.status === 'unknown') counts.unknown += 1;
  else if (result.status === 'accepted') counts.accepted += 1;
  else counts.pass += 1;
}

function colourFor(severity: Severity, color: boolean): (s: string) => string {
  if (!color) return (s) => s;
  return { critical: pc.magenta, high: pc.red, medium: pc.yellow, low: pc.blue, info: pc.gray }[severity];
}

function countCell(n: number, paint: (s: string) => string): string {
  return n === 0 ? '0' : paint(String(n));
}

/** trivy's "Resource Summary": one row per resource, failures per severity, and unknown outcomes. */
function summaryTable(report: ScanReport, options: FormatOptions): string {
  const rows = new Map<string, Counts>();
  const total = emptyCounts();
  // an organization scan: the same ARN (an S3 account row, a gap) can belong to several accounts
  const accounts = new Set(report.results.map((r) => r.accountId));
  const multiAccount = accounts.size > 1;
  const ACCOUNT_SEPARATOR = '\u0000';
  for (const result of report.results) {
    // escaped here: an ARN is data (a bucket name can hold a newline in a hand-made snapshot), the separator is not
    const key = multiAccount
      ? `${t(result.accountId)}${ACCOUNT_SEPARATOR}${t(result.resource.arn)}`
      : t(result.resource.arn);
    const counts = rows.get(key) ?? emptyCounts();
    add(counts, result);
    add(total, result);
    rows.set(key, counts);
  }
  // the Accepted column appears only when an accept file accepted something, so plain scans look as before
  const showAccepted = total.accepted > 0;
  const table = new Table({
    head: [
      ...(multiAccount ? ['Account'] : []),
      'Resource',
      'Critical',
      'High',
      'Medium',
      'Low',
      'Info',
      'Unknown',
      ...(showAccepted ? ['Accepted'] : []),
      'Passed',
    ],
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [], compact: true },
    colAligns: [
      ...(multiAccount ? ['left' as const] : []),
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      ...(showAccepted ? ['right' as const] : []),
    ],
  });
  const line = (label: string, c: Counts) => [
    ...(multiAccount
      ? label
          .split(ACCOUNT_SEPARATOR)
          .concat(label.includes(ACCOUNT_SEPARATOR) ? [] : [''])
          .slice(0, 2)
      : [label]),
    ...FAILURE_COLUMNS.map((s) => countCell(c.bySeverity[s], colourFor(s, options.color))),
    countCell(c.unknown, options.color ? pc.cyan : (s) => s),
    ...(showAccepted ? [String(c.accepted)] : []),
    String(c.pass),
  ];
  for (const [arn, counts] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) table.push(line(arn, counts));
  table.push(line(`Total (${rows.size} resources)`, total));
  const failures = FAILURE_COLUMNS.reduce((n, s) => n + total.bySeverity[s], 0);
  const heading = multiAccount
    ? `Resource Summary (${accounts.size} AWS accounts, evidence collected ${t(report.collectedAt)})`
    : `Resource Summary (AWS Account ${t(report.accountId)}, evidence collected ${t(report.collectedAt)})`;
  const partial = report.partial
    ? '\nWARNING: the snapshot is partial: collection was interrupted, missing evidence is reported as unknown.'
    : '';
  const accepted = showAccepted ? `${total.accepted} accepted, ` : '';
  const footer =
    `\n${report.results.length} results: ${failures} failed, ${total.unknown} unknown, ${accepted}${total.pass} passed. ` +
    'Failures are counted by severity; Unknown counts checks that could not decide (see --arn ARN or --format json for why).';
  const skipped = report.notCollected?.length
    ? `\nNot checked (the snapshot holds no evidence for them): ${report.notCollected.map(t).join(', ')}.`
    : '';
  return `${heading}${partial}\n${table.toString()}${footer}${skipped}\n${codeFindings(report, options)}`;
}

/** `scan iac`: each failure and unknown at the file and line its evidence was written, as an editor can jump to. */
function codeFindings(report: ScanReport, options: FormatOptions): string {
  const located = report.results.filter((r) => r.location && (r.status === 'fail' || r.status === 'unknown'));
  if (located.length === 0) return '';
  const lines = located
    .sort(
      (a, b) =>
        (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
        (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
        a.checkId.localeCompare(b.checkId),
    )
    .map((r) => {
      const where = `${t(r.location?.file ?? '')}:${r.location?.startLine ?? 0}`;
      const verdict = r.status === 'fail' ? colourFor(r.severity, options.color)(r.severity.toUpperCase()) : 'UNKNOWN';
      const what = r.status === 'fail' ? r.message : (r.reason ?? r.message);
      return `${where} ${verdict} ${t(r.checkId)} ${t(r.resource.address ?? r.resource.arn)}: ${t(what)}`;
    });
  return `\nIn code:\n${lines.join('\n')}\n`;
}

const RULE = '═'.repeat(80);
const THIN = '─'.repeat(80);

function detail(report: ScanReport, arn: string, options: FormatOptions): string {
  const results = report.results.filter((r) => r.resource.arn === arn);
  const where = `'${t(arn)}' (AWS Account ${t(report.accountId)})`;
  if (results.length === 0) return `No results for ${where}.\n`;
  const counts = emptyCounts();
  for (const r of results) add(counts, r);
  const failures = results
    .filter((r) => r.status === 'fail')
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.checkId.localeCompare(b.checkId));
  const failed = failures.length;
  const out: string[] = [
    `Results for ${where}`,
    '',
    `Tests: ${results.length} (SUCCESSES: ${counts.pass}, FAILURES: ${failed}, UNKNOWN: ${counts.unknown}${counts.accepted ? `, ACCEPTED: ${counts.accepted}` : ''})`,
    `Failures: ${failed} (INFO: ${counts.bySeverity.info}, LOW: ${counts.bySeverity.low}, MEDIUM: ${counts.bySeverity.medium}, HIGH: ${counts.bySeverity.high}, CRITICAL: ${counts.bySeverity.critical})`,
    '',
  ];
  for (const r of failures) {
    // what is wrong first: the title states the goal, and read alone would sound like a pass
    out.push(`FAIL ${colourFor(r.severity, options.color)(r.severity.toUpperCase())}: ${t(r.message)}`);
    out.push(`check: ${t(r.title)} [${t([r.checkId, ...r.aliases].join(', '))}]`);
    if (r.location) out.push(`at: ${t(r.location.file)}:${r.location.startLine} (${t(r.resource.address ?? '')})`);
    out.push(RULE);
    const remediation = filledRemediation(r, t);
    if (remediation) {
      out.push('Remediation (AWS CLI):', remediation.cli, '', 'Remediation (Terraform):', remediation.terraform);
      out.push('', `Remediation (console): ${remediation.console}`);
    }
    if (r.references[0]) out.push('', `See ${r.references[0]}`);
    out.push(THIN, '');
  }
  const unknowns = results.filter((r) => r.status === 'unknown');
  if (unknowns.length > 0) {
    out.push('Unknown (no verdict possible):');
    for (const r of unknowns) out.push(`  UNKNOWN ${t(r.checkId)}: ${t(r.reason ?? r.message)} (check: ${t(r.title)})`);
    out.push('');
  }
  const accepted = results.filter((r) => r.status === 'accepted');
  if (accepted.length > 0) {
    out.push('Accepted risks:');
    for (const r of accepted) {
      const a = r.acceptance;
      const who = a?.acceptedBy ? ` by ${t(a.acceptedBy)}` : '';
      const until = a?.expires ? ` until ${t(a.expires)}` : '';
      out.push(
        `  ${t(r.checkId)} (${r.severity}, was ${a?.originalStatus ?? 'fail'}): accepted${who}${until}: ${t(a?.reason ?? '')} [${t(a?.source ?? '')}]`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export const formatTable: Formatter = (report, options) =>
  options.arn ? detail(report, options.arn, options) : summaryTable(report, options);
