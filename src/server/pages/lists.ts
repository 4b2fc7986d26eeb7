/** The pages that list one kind of record: detection alerts, vulnerabilities, malware verdicts, acceptances. */
import type { StoredAcceptance } from '../../store/acceptances.ts';
import { UI_ORIGIN } from '../../store/acceptances.ts';
import type { StoredAlert, StoredVerdict, StoredVuln } from '../../store/dashboard.ts';
import { unacceptForm } from './accept-form.ts';
import { h, page, pager, resourceLink, table, type PageContext } from './layout.ts';

interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function alertsPage(ctx: PageContext, p: Paged<StoredAlert>): string {
  const rows = p.items.map((a) => [
    h(a.eventTime),
    `<span class="${/^(critical|emergency|alert|error)$/i.test(a.priority) ? 'fail' : ''}">${h(a.priority)}</span>`,
    h(a.rule),
    h(a.eventName),
    h(a.principal),
    a.resource.startsWith('arn:') ? resourceLink(a.resource) : h(a.resource),
    `${h(a.accountId)} ${h(a.region)}`,
    h(a.output),
  ]);
  return page(
    'Detection alerts',
    '/alerts',
    ctx,
    `${pager('/alerts', {}, p.total, p.limit, p.offset)}${table('alerts', ['Time', 'Priority', 'Rule', 'Event', 'Principal', 'Resource', 'Where', 'Alert'], rows, 'No detection alert is stored: run `cloudwarden detect … --db` with this database.')}`,
  );
}

export function vulnsPage(ctx: PageContext, p: Paged<StoredVuln>): string {
  const rows = p.items.map((v) => [
    `<span class="sev-${h(v.severity.toLowerCase())}">${h(v.severity)}</span>`,
    h(v.vulnerabilityId),
    h(v.title),
    `${h(v.resourceType)} <span class="arn">${h(v.resourceId)}</span>`,
    h(v.package),
    h(v.fixedIn),
    h(v.status),
    `${h(v.firstObservedAt.slice(0, 10))} – ${h(v.lastObservedAt.slice(0, 10))}`,
  ]);
  return page(
    'Vulnerabilities',
    '/vulnerabilities',
    ctx,
    `${pager('/vulnerabilities', {}, p.total, p.limit, p.offset)}${table('vulns', ['Severity', 'Vulnerability', 'Title', 'Resource', 'Package', 'Fixed in', 'Status', 'Observed'], rows, 'No vulnerability finding is stored: run `cloudwarden vulns report … --db` with this database.')}`,
  );
}

export function malwarePage(ctx: PageContext, p: Paged<StoredVerdict>): string {
  const rows = p.items.map((v) => [
    h(v.scannedAt),
    `<span class="${v.verdict === 'infected' ? 'fail' : v.verdict === 'clean' ? 'pass' : 'unknown'}">${h(v.verdict)}</span>`,
    h(v.bucket),
    `<span class="arn">${h(v.objectKey)}</span>${v.versionId ? ` <span class="muted">(${h(v.versionId)})</span>` : ''}`,
    h(v.signature),
    h(v.detail),
  ]);
  return page(
    'Malware verdicts',
    '/malware',
    ctx,
    `${pager('/malware', {}, p.total, p.limit, p.offset)}${table('verdicts', ['Scanned', 'Verdict', 'Bucket', 'Object', 'Signature', 'Detail'], rows, 'No malware verdict is stored: run `cloudwarden malware scan … --db` with this database.')}`,
  );
}

export function acceptancesPage(ctx: PageContext, acceptances: StoredAcceptance[]): string {
  const warnings = acceptances.filter((a) => a.state === 'expired' || a.state === 'expiring');
  const rows = acceptances.map((a) => [
    `<span class="${a.state === 'live' ? 'accepted' : a.state}">${a.state}</span>`,
    a.expires ? h(a.expires) : '<span class="muted">no end</span>',
    h(a.checkId),
    resourceLink(a.resourceArn),
    h(a.acceptedBy ?? ''),
    h(a.reason),
    a.origin === UI_ORIGIN ? 'dashboard' : h(a.origin),
    a.origin === UI_ORIGIN && a.state !== 'expired' ? unacceptForm(ctx, a.fingerprint) : '',
  ]);
  const warning = warnings.length
    ? `<p class="error" id="expiry-warning">${warnings.length} acceptance(s) expired or expire within 14 days: renew them or fix the findings.</p>`
    : '';
  return page(
    'Acceptances',
    '/acceptances',
    ctx,
    `${warning}<p><a href="/api/accept-file" download="accept.yaml" id="export">Download the dashboard's acceptances as an accept file</a> (docs/accept.md; also <code>cloudwarden db acceptances --format accept-file</code>).</p>
${table('acceptances', ['State', 'Until', 'Check', 'Resource', 'By', 'Why', 'Where', ''], rows, 'Nothing is accepted.')}`,
  );
}
