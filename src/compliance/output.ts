import { yamlValue } from '../checks/options.ts';
import { UserError } from '../errors.ts';
import { toCsv } from '../report/csv.ts';
import { escapeControl, escapeHtml, escapeMarkdownCell } from '../report/escape.ts';
import { OVERVIEW_CSS, renderOverview, type OverviewData } from '../report/overview.ts';
import { palette, renderTable, wrapText, type Paint } from '../report/terminal.ts';
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

/**
 * What is wrong with a control that is not met, said before its title (the title states the goal, and read alone
 * sounds like a pass): how many resources fail, why it could not be decided, or who accepted the risk.
 */
function whatIsWrong(c: ControlOutcome): string | undefined {
  if (c.status === 'fail') {
    const n = c.failedResources.length;
    return `${n} of ${n + c.passedResources.length + c.unknownResources.length + c.acceptedResources.length} resources fail`;
  }
  if (c.status === 'unknown' || c.status === 'accepted') return c.reason;
  return undefined;
}

function table(report: ComplianceReport, color: boolean, width: number): string {
  const colours = palette(color);
  const paint: Record<ControlStatus, Paint> = {
    pass: colours.green,
    fail: colours.red,
    unknown: colours.cyan,
    accepted: colours.yellow,
    manual: colours.gray,
  };
  const rows = report.controls.map((c) => {
    const what = whatIsWrong(c);
    return [
      escapeControl(c.control.id),
      paint[c.status](statusLabel(c)),
      what ? `${escapeControl(what)}\n${escapeControl(c.control.title)}` : escapeControl(c.control.title),
      rank(c),
      String(c.failedResources.length),
    ];
  });
  const t = renderTable(
    [
      { header: 'Control' },
      { header: 'Status', min: 8 },
      { header: 'Title' },
      { header: 'Level', min: 6 },
      { header: 'Failed', align: 'right' },
    ],
    rows,
    { width, colours },
  );
  const notes = [
    'Status: pass = every check passed on every resource; fail = a check failed; unknown = a check could not decide or did not run;',
    'accepted = every failure is an accepted risk (who, why and until under the title); manual = no automated check in cloudwarden, verify by hand.',
    `Scope: ${report.framework.scope}`,
  ];
  const options = optionsNote(report);
  if (options) notes.unshift(options);
  // the account id and timestamps come from the snapshot file, the option values from --config
  const wrap = (text: string) => wrapText(escapeControl(text), width).join('\n');
  return `${wrap(heading(report))}\n${t}\n${notes.map(wrap).join('\n')}\n`;
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
    '| Control | Status | Title | Level | Failed resources |',
    '| --- | --- | --- | --- | ---: |',
    ...report.controls.map(
      (c) =>
        `| ${md(c.control.id)} | ${md(statusLabel(c))} | ${whatIsWrong(c) ? `**${md(whatIsWrong(c)!)}**<br>` : ''}${md(c.control.title)} | ${md(rank(c))} | ${c.failedResources.length}${
          c.failedResources.length ? `<br>${c.failedResources.map(md).join('<br>')}` : ''
        } |`,
    ),
    '',
    ...(note ? [md(note), ''] : []),
    `Scope: ${md(report.framework.scope)}`,
  ];
  return `${out.join('\n')}\n`;
}

function html(report: ComplianceReport, overview?: OverviewData): string {
  const h = escapeHtml;
  const title = `${report.framework.title} v${report.framework.version}: account ${report.accountId}`;
  const note = optionsNote(report);
  const rows = report.controls
    .map(
      (c) =>
        `<tr class="${c.status}"><td>${h(c.control.id)}</td>` +
        `<td>${statusLabel(c)}${c.reason ? `<div class="why">${h(c.reason)}</div>` : ''}</td>` +
        `<td>${c.status === 'fail' ? `<strong>${h(whatIsWrong(c)!)}</strong><br>` : ''}${h(c.control.title)}</td><td>${h(rank(c))}</td>` +
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
th{background:#f2f2f2}.fail td:nth-child(2){color:#b00020;font-weight:600}.pass td:nth-child(2){color:#1b6e20}.unknown td:nth-child(2){color:#8a6d00}.manual td:nth-child(2){color:#666}.why,.arn{color:#555;font-size:.9em}
${OVERVIEW_CSS}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p>Evidence collected ${h(report.collectedAt)}. ${report.summary.pass} pass, ${report.summary.fail} fail, ${report.summary.unknown} unknown${report.summary.accepted ? `, ${report.summary.accepted} accepted` : ''}, ${report.summary.manual} manual.</p>
${overview ? `${renderOverview(overview)}\n` : ''}<table>
<thead><tr><th>Control</th><th>Status</th><th>Title</th><th>Level</th><th>Failed resources</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${note ? `<p>${h(note)}</p>\n` : ''}<p>Scope: ${h(report.framework.scope)}</p>
</body>
</html>
`;
}

/** `overview`: the scan's overview (report/overview.ts) the HTML opens with, as the scan's HTML report does. */
export function renderCompliance(
  report: ComplianceReport,
  format: string,
  color: boolean,
  width = 80,
  overview?: OverviewData,
): string {
  switch (format) {
    case 'table':
      return table(report, color, width);
    case 'json':
      return json(report);
    case 'csv':
      return csv(report);
    case 'markdown':
      return markdown(report);
    case 'html':
      return html(report, overview);
    default:
      throw new UserError(`--compliance reports come as ${COMPLIANCE_FORMATS.join(', ')}, not "${format}"`, {
        field: '--format',
      });
  }
}
