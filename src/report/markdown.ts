import { escapeMarkdownCell } from './escape.ts';
import { buildReportModel, SEVERITY_COLUMNS, type ResultView, type Totals } from './report-model.ts';
import type { Formatter } from './scan-report.ts';

const md = escapeMarkdownCell;

/** Check metadata links are ours, but a link is only written as a link when it is a plain https URL. */
export function markdownLink(text: string, url: string | null): string {
  if (!url) return md(text);
  return /^https:\/\/[^\s<>()|\\`]+$/.test(url) ? `[${md(text)}](${url})` : `${md(text)} (${md(url)})`;
}

function countsRow(label: string, t: Totals): string {
  return `| ${label} | ${SEVERITY_COLUMNS.map((s) => t[s]).join(' | ')} | ${t.unknown} | ${t.accepted} | ${t.passed} |`;
}

/** The finding as a reader needs it: what is wrong first (in bold) for fails and unknowns, then the title. */
function finding(r: ResultView): string {
  if (r.status === 'fail' || r.status === 'unknown') return `**${md(r.headline)}**<br>${md(r.title)}`;
  if (r.status === 'accepted' && r.acceptance) {
    const a = r.acceptance;
    const who = a.acceptedBy ? ` by ${md(a.acceptedBy)}` : '';
    const until = a.expires ? ` until ${md(a.expires)}` : '';
    return `${md(r.title)}<br>accepted${who}${until}: ${md(a.reason)} (${md(a.source)}); was ${a.originalStatus}: ${md(r.message)}`;
  }
  return `${md(r.title)}<br>${md(r.message)}`;
}

/** A fenced code block that the text cannot close: the fence is longer than any run of backticks in it. */
export function codeBlock(text: string, language: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** How to fix each failure of one resource, with the resource's own name, ARN, region and account filled in. */
function fixes(results: ResultView[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.status !== 'fail' || !r.remediation) continue;
    out.push(
      '',
      `**Fix ${md(r.checkId)}** (${r.severityLabel}): ${md(r.title)}`,
      '',
      'AWS CLI:',
      '',
      codeBlock(r.remediation.cli, 'sh'),
      '',
      'Terraform:',
      '',
      codeBlock(r.remediation.terraform, 'hcl'),
      '',
      `Console: ${md(r.remediation.console)}`,
    );
  }
  return out;
}

/** A Markdown assessment report: a summary table with one row per resource, then one table per resource. */
export const formatMarkdown: Formatter = (report, options) => {
  const model = buildReportModel(report, options);
  const out: string[] = [
    '# cloudwarden assessment report',
    '',
    '| Item | Value |',
    '| --- | --- |',
    `| Account | ${md(model.account.id)} |`,
    `| Evidence collected | ${md(model.scan.collectedAt)} |`,
    `| Report generated | ${md(model.scan.generatedAt)} |`,
    `| Resources | ${model.resources.length} |`,
    `| Results | ${model.totals.results} (failed ${model.totals.failed}, unknown ${model.totals.unknown}, accepted ${model.totals.accepted}, passed ${model.totals.passed}) |`,
  ];
  if (model.scan.partial)
    out.push('', '> **Warning:** the snapshot is partial; missing evidence is reported as unknown.');
  if (model.scan.notCollected.length > 0) {
    out.push(
      '',
      `> **Not collected:** ${model.scan.notCollected.map(md).join(', ')}: the evidence holds nothing for these services, so their checks did not run.`,
    );
  }
  out.push(
    '',
    '## Summary',
    '',
    'Failures per severity, then the results that could not be decided, were accepted, and passed.',
    '',
    '| Resource | Critical | High | Medium | Low | Info | Unknown | Accepted | Passed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of model.resources) out.push(countsRow(md(r.arn), r.totals));
  out.push(countsRow(`**Total (${model.resources.length} resources)**`, model.totals));
  for (const r of model.resources) {
    out.push('', `## ${md(r.arn)}`, '');
    const tags = r.tags.map((t) => `${md(t.key)}=${md(t.value)}`).join(', ');
    out.push(
      `Type ${md(r.type)}, region ${md(r.region)}, account ${md(r.accountId)}${tags ? `, tags: ${tags}` : ''}.`,
      '',
    );
    out.push('| Status | Finding | Severity | Check | Reference |', '| --- | --- | --- | --- | --- |');
    for (const res of r.results) {
      const ids = [res.checkId, ...res.aliases].map(md).join(', ');
      out.push(
        `| ${res.statusLabel} | ${finding(res)} | ${res.severityLabel} | ${ids} | ${res.reference ? markdownLink('docs', res.reference) : ''} |`,
      );
    }
    out.push(...fixes(r.results));
  }
  return `${out.join('\n')}\n`;
};
