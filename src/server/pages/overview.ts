/** The overview: the report's overview block (failures by severity, service, check, compliance), then the trend. */
import { renderOverview, type OverviewLinks } from '../../report/overview.ts';
import type { Dashboard } from '../data.ts';
import { h, href, page, table, type PageContext } from './layout.ts';

const LINKS: OverviewLinks = {
  severity: (severity) => href('/findings', { severity }),
  service: (service) => href('/findings', { service }),
  check: (check) => href('/findings', { check }),
  framework: (name) => href(`/compliance/${encodeURIComponent(name)}`),
};

function card(id: string, label: string, value: number | string, link?: string): string {
  const inner = `<b>${h(String(value))}</b>${h(label)}`;
  return `<div class="card" id="${id}">${link ? `<a href="${h(link)}">${inner}</a>` : inner}</div>`;
}

export function overviewPage(ctx: PageContext, d: Dashboard): string {
  if (!d.lastScan) {
    return page(
      'Overview',
      '/',
      ctx,
      '<p id="no-scans">No scan is stored yet. Run <code>cloudwarden scan aws --db …</code> or <code>cloudwarden demo --db …</code> with this database.</p>',
    );
  }
  const cards = [
    card('open-failing', 'open failures', d.open.failing, href('/findings', { status: 'open' })),
    card('open-unknown', 'open unknown', d.open.unknown),
    card('accepted', 'accepted', d.open.accepted, href('/findings', { status: 'accepted' })),
    card('new-week', 'new this week', d.thisWeek.created),
    card(
      'resolved-week',
      'resolved this week',
      d.thisWeek.resolved,
      href('/findings', { status: 'resolved', since: '7d' }),
    ),
  ].join('');
  const trendRows = d.trend.map((p) => [
    h(p.day),
    ...(['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => `${p.bySeverity[s]}`),
  ]);
  const places = (rows: Array<{ key: string; count: number }>, param: 'account' | 'region') =>
    rows.map((r) => [`<a href="${h(href('/findings', { [param]: r.key }))}">${h(r.key)}</a>`, `${r.count}`]);
  const body = `<p class="muted">Last scan #${d.lastScan.id} (${h(d.lastScan.source)}) at ${h(d.lastScan.startedAt)}${d.lastScan.partial ? ', partial' : ''}.</p>
<div class="cards">${cards}</div>
${renderOverview(d.overview, LINKS)}
<h2>Open failures by severity over time</h2>
<div id="trend" data-trend="${h(JSON.stringify(d.trend))}"></div>
<div id="trend-table">${table('trend-days', ['Day', 'Critical', 'High', 'Medium', 'Low', 'Info'], trendRows)}</div>
<div class="overview">
<section><h2>Accounts</h2>${table('accounts', ['Account', 'Open failures'], places(d.accounts, 'account'), 'No open failures.')}</section>
<section><h2>Regions</h2>${table('regions', ['Region', 'Open failures'], places(d.regions, 'region'), 'No open failures.')}</section>
</div>`;
  return page('Overview', '/', ctx, body, ['/assets/uplot.js']);
}
