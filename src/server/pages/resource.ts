/** One resource: its findings with the fix filled with its names, every change of every check, its alerts. */
import type { ResourcePage } from '../data.ts';
import { acceptAction } from './accept-form.ts';
import { h, page, table, type PageContext } from './layout.ts';

export function resourcePage(ctx: PageContext, r: ResourcePage): string {
  if (r.findings.length === 0 && r.alerts.length === 0) {
    return page(
      'Resource',
      '',
      ctx,
      `<p class="arn">${h(r.arn)}</p><p id="unknown-resource">The store holds nothing about this resource.</p>`,
    );
  }
  const first = r.findings[0];
  const facts = first
    ? `<p>${h(first.resourceType)} in account ${h(first.accountId)}, region ${h(first.region)}${
        Object.keys(first.tags).length
          ? `; tags: ${Object.entries(first.tags)
              .map(([k, v]) => `<code>${h(k)}=${h(v)}</code>`)
              .join(' ')}`
          : ''
      }</p>`
    : '';
  const findings = r.findings.map((f) => [
    `<span class="sev-${h(f.severity)}">${h(f.severity)}</span>`,
    `<b>${h(f.checkId)}</b> ${h(f.title)}<div class="muted">${h(f.message)}</div>`,
    `<span class="${h(f.status)}">${h(f.status)}</span>${f.status === 'resolved' && f.verdict === 'deleted' ? ' (resource deleted)' : ''}`,
    `${h(f.firstSeen.slice(0, 10))} – ${h(f.lastSeen.slice(0, 10))}`,
    f.remediation && f.status !== 'resolved'
      ? `<details><summary>fix</summary><div class="muted">AWS CLI:</div><pre>${h(f.remediation.cli)}</pre><div class="muted">Terraform:</div><pre>${h(f.remediation.terraform)}</pre><div class="muted">Console: ${h(f.remediation.console)}</div></details>`
      : '',
    acceptAction(ctx, f, f.acceptances),
  ]);
  const history = r.history.map((e) => [
    h(e.at),
    `#${e.scanId}`,
    h(e.checkId),
    `<span class="${h(e.verdict)}">${h(e.verdict)}</span>`,
    h(e.message),
  ]);
  const alerts = r.alerts.map((a) => [
    h(a.eventTime),
    h(a.priority),
    h(a.rule),
    h(a.eventName),
    h(a.principal),
    h(a.output),
  ]);
  return page(
    'Resource',
    '',
    ctx,
    `<p class="arn" id="resource-arn">${h(r.arn)}</p>${facts}
<h2>Findings</h2>${table('resource-findings', ['Severity', 'Check', 'Status', 'Seen', 'Fix', 'Accept'], findings)}
<h2>History</h2>${table('history', ['When', 'Scan', 'Check', 'Verdict', 'Message'], history)}
<h2>Detection alerts</h2>${table('resource-alerts', ['Time', 'Priority', 'Rule', 'Event', 'Principal', 'Alert'], alerts, 'No detection alert names this resource.')}`,
  );
}
