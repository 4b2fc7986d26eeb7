import type { Result } from '../findings/result.ts';
import { SEVERITY_RANK, type Severity } from '../findings/severity.ts';
import { escapeControl as t } from './escape.ts';
import { filledRemediation } from './remediation-values.ts';
import { fitWidths, middleEllipsis, palette, tableRow, wrapText, type Column } from './terminal.ts';
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
  const c = palette(color);
  return { critical: c.magenta, high: c.red, medium: c.yellow, low: c.blue, info: c.gray }[severity];
}

/** The service and the resource id an ARN names: `arn:aws:ec2:r:a:instance/i-1` → ec2, `instance/i-1`. */
function arnParts(arn: string): { service: string; id: string } {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return { service: 'other', id: arn };
  return { service: parts[2] || 'other', id: parts.slice(5).join(':') || arn };
}

interface ResourceRow {
  accountId: string;
  arn: string;
  id: string;
  counts: Counts;
}

interface Group {
  title: string;
  rows: ResourceRow[];
}

/** A service group lists at most this many resources, worst first: a 2,000-bucket account stays one screenful a group. */
export const ROWS_PER_GROUP = 25;

function failures(c: Counts): number {
  return FAILURE_COLUMNS.reduce((n, s) => n + c.bySeverity[s], 0);
}

function needsAttention(c: Counts): boolean {
  return failures(c) > 0 || c.unknown > 0;
}

/** Worst first: by failures of each severity from critical down, then unknowns, then by id. */
function worstFirst(a: ResourceRow, b: ResourceRow): number {
  for (const s of FAILURE_COLUMNS) {
    const d = b.counts.bySeverity[s] - a.counts.bySeverity[s];
    if (d !== 0) return d;
  }
  return b.counts.unknown - a.counts.unknown || a.id.localeCompare(b.id) || a.accountId.localeCompare(b.accountId);
}

/**
 * trivy's "Resource Summary", made to fit a terminal and a large account: resources grouped by service and region,
 * each row its failures per severity, unknowns and passes; resources where every check passed are counted in one
 * line unless `--show-passed` lists them.
 */
function summaryTable(report: ScanReport, options: FormatOptions): string {
  const width = options.width ?? 80;
  const colours = palette(options.color);
  const accounts = new Set(report.results.map((r) => r.accountId));
  const multiAccount = accounts.size > 1;
  const total = emptyCounts();
  const rows = new Map<string, ResourceRow & { group: string }>();
  for (const result of report.results) {
    add(total, result);
    // the same ARN (an S3 account row, a gap) can belong to several accounts of an organization scan
    const key = `${result.accountId}\u0000${result.resource.arn}`;
    let row = rows.get(key);
    if (!row) {
      const { service, id } = arnParts(result.resource.arn);
      const region = result.resource.region || 'global';
      const where = region === 'global' ? `${service} (global)` : `${service} in ${region}`;
      row = {
        accountId: result.accountId,
        arn: result.resource.arn,
        id: t(id),
        counts: emptyCounts(),
        group: multiAccount ? `${where}, account ${t(result.accountId)}` : t(where),
      };
      rows.set(key, row);
    }
    add(row.counts, result);
  }
  const hidden = [...rows.values()].filter((r) => !options.showPassed && !needsAttention(r.counts));
  const groups = new Map<string, Group>();
  const groupSizes = new Map<string, number>();
  for (const row of rows.values()) {
    groupSizes.set(row.group, (groupSizes.get(row.group) ?? 0) + 1);
    if (!options.showPassed && !needsAttention(row.counts)) continue;
    const group = groups.get(row.group) ?? { title: row.group, rows: [] };
    group.rows.push(row);
    groups.set(row.group, group);
  }
  // the Accepted column appears only when an accept file accepted something, so plain scans look as before
  const showAccepted = total.accepted > 0;
  const columns: Column[] = [
    { header: 'Resource', truncate: true, min: 12 },
    ...['Crit', 'High', 'Med', 'Low', 'Info', 'Unkn', ...(showAccepted ? ['Acc'] : []), 'Pass'].map(
      (header): Column => ({ header, align: 'right', min: 4 }),
    ),
  ];
  const zero = (n: number, paint: (s: string) => string) => (n === 0 ? colours.dim('0') : paint(String(n)));
  const cells = (label: string, c: Counts) => [
    label,
    ...FAILURE_COLUMNS.map((s) => zero(c.bySeverity[s], colourFor(s, options.color))),
    zero(c.unknown, colours.cyan),
    ...(showAccepted ? [String(c.accepted)] : []),
    String(c.pass),
  ];
  const INDENT = '  ';
  const sortedGroups = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
  const shown = sortedGroups.map((g) => ({ ...g, rows: [...g.rows].sort(worstFirst).slice(0, ROWS_PER_GROUP) }));
  const totalLabel = `Total: ${rows.size} resource${rows.size === 1 ? '' : 's'}`;
  const widths = fitWidths(
    columns,
    [...shown.flatMap((g) => g.rows.map((r) => cells(r.id, r.counts))), cells(totalLabel, total)],
    width - INDENT.length,
  );
  const wrap = (text: string) => wrapText(text, width).join('\n');
  const out: string[] = [
    wrap(
      multiAccount
        ? `Resource Summary (${accounts.size} AWS accounts, evidence collected ${t(report.collectedAt)})`
        : `Resource Summary (AWS Account ${t(report.accountId)}, evidence collected ${t(report.collectedAt)})`,
    ),
  ];
  if (report.partial)
    out.push(
      wrap('WARNING: the snapshot is partial: collection was interrupted, missing evidence is reported as unknown.'),
    );
  if (shown.length > 0) {
    out.push(
      ...tableRow(
        columns.map((c) => c.header),
        columns,
        widths,
      ).map((line) => colours.bold(INDENT + line)),
      colours.dim(INDENT + widths.map((w) => '─'.repeat(w)).join('  ')),
    );
  }
  for (const group of shown) {
    const all = groups.get(group.title)!.rows.length;
    const size = groupSizes.get(group.title) ?? all;
    const heading =
      all === size
        ? `${group.title}: ${size} resource${size === 1 ? '' : 's'}`
        : `${group.title}: ${all} of ${size} resources with failures or unknowns`;
    out.push(colours.bold(middleEllipsis(heading, width)));
    for (const row of group.rows)
      out.push(...tableRow(cells(row.id, row.counts), columns, widths).map((l) => INDENT + l));
    if (all > group.rows.length) {
      out.push(
        wrap(
          `${INDENT}… ${all - group.rows.length} more in ${group.title} (the worst ${group.rows.length} are listed); --format csv or json lists every result`,
        ),
      );
    }
  }
  if (shown.length === 0 && rows.size > 0) out.push('No failures and no unknowns.');
  out.push(...tableRow(cells(totalLabel, total), columns, widths).map((l) => colours.bold(INDENT + l)));
  if (hidden.length > 0) {
    const passed = hidden.reduce((n, r) => n + r.counts.pass, 0);
    const accepted = hidden.reduce((n, r) => n + r.counts.accepted, 0);
    const kinds = [...(passed > 0 ? [`${passed} passed`] : []), ...(accepted > 0 ? [`${accepted} accepted`] : [])];
    const checks = `${kinds.join(' and ')} check${passed + accepted === 1 ? '' : 's'}`;
    out.push(
      wrap(
        `… ${checks} on ${hidden.length} resource${hidden.length === 1 ? '' : 's'} not shown; --show-passed lists them`,
      ),
    );
  }
  const accepted = showAccepted ? `${total.accepted} accepted, ` : '';
  out.push(
    wrap(
      `${report.results.length} results: ${failures(total)} failed, ${total.unknown} unknown, ${accepted}${total.pass} passed. ` +
        'Crit to Info count failures by severity; Unkn counts checks that could not decide' +
        `${showAccepted ? '; Acc, accepted risks' : ''}. Every check for one resource, with the fix: --arn ARN.`,
    ),
  );
  if (report.notCollected?.length)
    out.push(wrap(`Not checked (the snapshot holds no evidence for them): ${report.notCollected.map(t).join(', ')}.`));
  return `${out.join('\n')}\n${codeFindings(report, options)}`;
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
