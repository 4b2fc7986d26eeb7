import Table from 'cli-table3';
import pc from 'picocolors';
import { yamlValue } from '../checks/options.ts';
import { UserError } from '../errors.ts';
import { toCsv } from '../report/csv.ts';
import { escapeControl, escapeHtml, escapeMarkdownCell } from '../report/escape.ts';
import type { ComplianceReport, ControlOutcome, ControlStatus } from './evaluate.ts';

export const COMPLIANCE_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

function rank(c: ControlOutcome): string {
  if (c.control.level) return `L${c.control.level}`;
  return c.control.severity ?? '';
}

/** `PASS*` when a check of the control ran with non-default options: the verdict is not the framework's default one. */
function statusLabel(c: ControlOutcome): string {
  return `${c.status.toUpperCase()}${c.nonDefaultOptions.length > 0 ? '*' : ''}`;
}

/** `* decided with non-default check options: iam-user-unused-credentials (days: 3650; default 45)`, or nothing. */
function optionsNote(report: ComplianceReport): string | undefined {
  if (report.nonDefaultCheckOptions.length === 0) return undefined;
  const described = report.nonDefaultCheckOptions.map(
    (o) =>
      `${o.checkId} (${Object.entries(o.options)
        .map(([name, value]) => `${name}: ${yamlValue(value)}; default ${yamlValue(o.defaults[name])}`)
        .join(', ')})`,
  );
  return `* decided with non-default check options: ${described.join(', ')}`;
}

function heading(report: ComplianceReport): string {
  const { framework: f, summary: s } = report;
  return (
    `${f.title} v${f.version} (${f.name}), AWS account ${report.accountId}, evidence collected ${report.collectedAt}: ` +
    `${report.controls.length} controls, ${s.pass} pass, ${s.fail} fail, ${s.unknown} unknown${s.accepted ? `, ${s.accepted} accepted` : ''}, ${s.manual} manual`
  );
}

const PAINT: Record<ControlStatus, (s: string) => string> = {
  pass: pc.green,
  fail: pc.red,
  unknown: pc.cyan,
  accepted: pc.yellow,
  manual: pc.gray,
};

function table(report: ComplianceReport, color: boolean): string {
  const t = new Table({
    head: ['Control', 'Title', 'Level', 'Status', 'Failed resources'],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [], compact: true },
    colWidths: [9, 70, 10, 10, 18],
    wordWrap: true,
  });
  for (const c of report.controls) {
    const status = statusLabel(c);
    const title = c.status === 'accepted' && c.reason ? `${c.control.title}\n${c.reason}` : c.control.title;
    t.push([c.control.id, title, rank(c), color ? PAINT[c.status](status) : status, String(c.failedResources.length)]);
  }
  const notes = [
    'Status: pass = every check passed on every resource; fail = a check failed; unknown = a check could not decide or did not run;',
    'accepted = every failure is an accepted risk (who, why and until under the title); manual = no automated check in cloudwarden, verify by hand.',
    `Scope: ${report.framework.scope}`,
  ];
  const options = optionsNote(report);
  if (options) notes.unshift(options);
  // the account id and timestamps come from the snapshot file, the option values from --config
  return `${escapeControl(heading(report))}\n${t.toString()}\n${notes.map(escapeControl).join('\n')}\n`;
}

function json(report: ComplianceReport): string {
  return `${JSON.stringify(
    {
      framework: report.framework,
      accountId: report.accountId,
      generatedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      summary: report.summary,
      controls: report.controls.map((c) => ({
        id: c.control.id,
        title: c.control.title,
        section: c.control.section,
        ...(c.control.level ? { level: c.control.level } : {}),
        ...(c.control.severity ? { severity: c.control.severity } : {}),
        checks: c.control.checks,
        status: c.status,
        ...(c.reason ? { reason: c.reason } : {}),
        failedResources: c.failedResources.length,
        failedResourceArns: c.failedResources,
        unknownResources: c.unknownResources,
        acceptedResources: c.acceptedResources,
        passedResources: c.passedResources.length,
        ...(c.nonDefaultOptions.length > 0 ? { nonDefaultCheckOptions: c.nonDefaultOptions } : {}),
      })),
      nonDefaultCheckOptions: report.nonDefaultCheckOptions,
    },
    null,
    2,
  )}\n`;
}

function csv(report: ComplianceReport): string {
  return toCsv(
    [
      'framework',
      'control',
      'title',
      'section',
      'level',
      'status',
      'reason',
      'failed_resources',
      'failed_resource_arns',
      'unknown_resources',
      'accepted_resources',
      'passed_resources',
      'checks',
      'non_default_check_options',
    ],
    report.controls.map((c) => [
      report.framework.name,
      c.control.id,
      c.control.title,
      c.control.section,
      rank(c),
      c.status,
      c.reason,
      c.failedResources.length,
      c.failedResources.join(' '),
      c.unknownResources.length,
      c.acceptedResources.length,
      c.passedResources.length,
      c.control.checks.join(' '),
      c.nonDefaultOptions.join(' '),
    ]),
  );
}

function markdown(report: ComplianceReport): string {
  const md = escapeMarkdownCell;
  const note = optionsNote(report);
  const out = [
    `# ${md(report.framework.title)} v${md(report.framework.version)}`,
    '',
    `AWS account ${md(report.accountId)}, evidence collected ${md(report.collectedAt)}.`,
    '',
    `| Pass | Fail | Unknown | Manual |`,
    '| ---: | ---: | ---: | ---: |',
    `| ${report.summary.pass} | ${report.summary.fail} | ${report.summary.unknown} | ${report.summary.manual} |`,
    '',
    '| Control | Title | Level | Status | Failed resources |',
    '| --- | --- | --- | --- | ---: |',
    ...report.controls.map(
      (c) =>
        `| ${md(c.control.id)} | ${md(c.control.title)} | ${md(rank(c))} | ${md(statusLabel(c))} | ${c.failedResources.length}${
          c.failedResources.length ? `<br>${c.failedResources.map(md).join('<br>')}` : ''
        } |`,
    ),
    '',
    ...(note ? [md(note), ''] : []),
    `Scope: ${md(report.framework.scope)}`,
  ];
  return `${out.join('\n')}\n`;
}

function html(report: ComplianceReport): string {
  const h = escapeHtml;
  const title = `${report.framework.title} v${report.framework.version}: account ${report.accountId}`;
  const note = optionsNote(report);
  const rows = report.controls
    .map(
      (c) =>
        `<tr class="${c.status}"><td>${h(c.control.id)}</td><td>${h(c.control.title)}</td><td>${h(rank(c))}</td>` +
        `<td>${statusLabel(c)}${c.reason ? `<div class="why">${h(c.reason)}</div>` : ''}</td>` +
        `<td>${c.failedResources.length}${c.failedResources.map((a) => `<div class="arn">${h(a)}</div>`).join('')}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2}.fail td:nth-child(4){color:#b00020;font-weight:600}.pass td:nth-child(4){color:#1b6e20}.unknown td:nth-child(4){color:#8a6d00}.manual td:nth-child(4){color:#666}.why,.arn{color:#555;font-size:.9em}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p>Evidence collected ${h(report.collectedAt)}. ${report.summary.pass} pass, ${report.summary.fail} fail, ${report.summary.unknown} unknown${report.summary.accepted ? `, ${report.summary.accepted} accepted` : ''}, ${report.summary.manual} manual.</p>
<table>
<thead><tr><th>Control</th><th>Title</th><th>Level</th><th>Status</th><th>Failed resources</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${note ? `<p>${h(note)}</p>\n` : ''}<p>Scope: ${h(report.framework.scope)}</p>
</body>
</html>
`;
}

export function renderCompliance(report: ComplianceReport, format: string, color: boolean): string {
  switch (format) {
    case 'table':
      return table(report, color);
    case 'json':
      return json(report);
    case 'csv':
      return csv(report);
    case 'markdown':
      return markdown(report);
    case 'html':
      return html(report);
    default:
      throw new UserError(`--compliance reports come as ${COMPLIANCE_FORMATS.join(', ')}, not "${format}"`, {
        field: '--format',
      });
  }
}
