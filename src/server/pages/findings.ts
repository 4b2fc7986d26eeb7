/**
 * The findings table: a GET form of filters (so every view is a URL to share), sortable columns, pages, and the
 * accept / un-accept action on each row.
 */
import { knownServices } from '../../checks/catalogue.ts';
import { SEVERITIES } from '../../findings/severity.ts';
import type { StoredAcceptance } from '../../store/acceptances.ts';
import { FINDING_STATUSES, type FindingSortKey, type StoredFinding } from '../../store/queries.ts';
import type { FilterParams } from '../params.ts';
import { acceptAction } from './accept-form.ts';
import { h, href, page, pager, resourceLink, table, type PageContext } from './layout.ts';

export interface FindingsView {
  params: FilterParams;
  sort: { by: FindingSortKey; descending: boolean };
  limit: number;
  offset: number;
  total: number;
  findings: StoredFinding[];
  acceptances: StoredAcceptance[];
  accounts: string[];
  regions: string[];
}

function select(name: string, label: string, options: readonly string[], chosen: readonly string[] = []): string {
  // several values from a shared URL (severity=critical,high) stay one choice, so that filtering again keeps them
  const several =
    chosen.length > 1 ? [`<option value="${h(chosen.join(','))}" selected>${h(chosen.join(', '))}</option>`] : [];
  const opts = [`<option value="">any</option>`, ...several]
    .concat(
      options.map(
        (o) =>
          `<option value="${h(o)}"${chosen.length === 1 && chosen.includes(o) ? ' selected' : ''}>${h(o)}</option>`,
      ),
    )
    .join('');
  return `<label>${h(label)}<select name="${name}" id="filter-${name}">${opts}</select></label>`;
}

function text(name: string, label: string, value: readonly string[] = [], placeholder = ''): string {
  return `<label>${h(label)}<input name="${name}" id="filter-${name}" value="${h(value.join(','))}" placeholder="${h(placeholder)}"></label>`;
}

const COLUMNS: ReadonlyArray<[label: string, key?: FindingSortKey]> = [
  ['Severity', 'severity'],
  ['Check', 'check'],
  ['Resource', 'resource'],
  ['Account', 'account'],
  ['Region', 'region'],
  ['Status'],
  ['First seen', 'firstSeen'],
  ['Last seen', 'lastSeen'],
  ['Accept'],
];

export function findingsPage(ctx: PageContext, v: FindingsView): string {
  const p = v.params;
  const statusOptions = FINDING_STATUSES.map(
    (s) => `<option value="${s}"${(p.status ?? ['open']).includes(s) ? ' selected' : ''}>${s}</option>`,
  ).join('');
  const form = `<form class="filters" method="get" action="/findings">
<label>status<select name="status" id="filter-status">${statusOptions}</select></label>
${select('severity', 'severity', SEVERITIES, p.severity)}
${select('account', 'account', v.accounts, p.account)}
${select('region', 'region', v.regions, p.region)}
${select('service', 'service', knownServices(), p.service)}
${text('check', 'check', p.check, 'S3.1')}
${text('tag', 'tag', p.tag, 'env=prod')}
${text('control', 'framework control', p.control, 'cis-aws-v3.0:2.1.1')}
${text('since', 'last seen within', p.since, '7d')}
<button type="submit">Filter</button> <a href="/findings">clear</a>
</form>`;
  const keep = { ...p, sort: v.sort.by, dir: v.sort.descending ? 'desc' : 'asc' };
  const heads = COLUMNS.map(([label, key]) => {
    if (!key) return h(label);
    const active = v.sort.by === key;
    const dir = active && v.sort.descending ? 'asc' : 'desc';
    const mark = active ? (v.sort.descending ? ' ▼' : ' ▲') : '';
    return `<a href="${h(href('/findings', { ...p, sort: key, dir }))}" data-sort="${key}">${h(label)}${mark}</a>`;
  });
  const rows = v.findings.map((f) => [
    `<span class="sev-${h(f.severity)}">${h(f.severity)}</span>`,
    `<span title="${h(f.title)}">${h(f.checkId)}</span>`,
    resourceLink(f.resourceArn),
    h(f.accountId),
    h(f.region),
    f.verdict === 'unknown' && f.status === 'open'
      ? '<span class="unknown">open (unknown)</span>'
      : `<span class="${h(f.status)}">${h(f.status)}</span>`,
    h(f.firstSeen.slice(0, 10)),
    h(f.lastSeen.slice(0, 10)),
    acceptAction(
      ctx,
      f,
      v.acceptances.filter((a) => a.fingerprint === f.fingerprint),
    ),
  ]);
  const exportLink = `<p><a href="${h(href('/api/findings', { ...p, sort: v.sort.by, dir: v.sort.descending ? 'desc' : 'asc' }))}">this view as JSON</a></p>`;
  return page(
    'Findings',
    '/findings',
    ctx,
    `${form}${pager('/findings', keep, v.total, v.limit, v.offset)}${table('findings', heads, rows, 'No finding matches these filters.')}${exportLink}`,
  );
}
