/**
 * The overview both the static HTML report and the dashboard open with: failures by severity in colour, by service
 * and by check, and compliance at a glance. Bars are SVG rectangles sized by attributes, so the pages need no
 * inline style and no script to draw them. The report passes no links (it is one offline file); the dashboard
 * passes links into its findings table and compliance pages.
 */
import { CHECKS, serviceOfCheck } from '../checks/catalogue.ts';
import type { ControlStatus } from '../compliance/evaluate.ts';
import { evaluateFramework } from '../compliance/evaluate.ts';
import { FRAMEWORKS } from '../compliance/frameworks/index.ts';
import type { Result } from '../findings/result.ts';
import { SEVERITIES, type Severity } from '../findings/severity.ts';
import { escapeHtml as h } from './escape.ts';

export interface CheckCount {
  checkId: string;
  title: string;
  severity: string;
  count: number;
}

export interface FrameworkGlance {
  name: string;
  title: string;
  summary: Record<ControlStatus, number>;
}

export interface OverviewData {
  /** failures (not unknown, not accepted) per severity */
  bySeverity: Record<Severity, number>;
  /** failures per service, most first */
  byService: Array<{ service: string; count: number }>;
  /** failures per check, most first */
  byCheck: CheckCount[];
  compliance: FrameworkGlance[];
}

export interface OverviewLinks {
  severity: (severity: Severity) => string;
  service: (service: string) => string;
  check: (checkId: string) => string;
  framework: (name: string) => string;
}

/** Shared by the report's inline style and the dashboard's stylesheet. */
export const OVERVIEW_CSS = `.overview{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;margin:.5rem 0 1.5rem}
.overview section{min-width:16rem}.overview h2{font-size:1.05rem;margin:.2rem 0 .4rem}
table.bars{border-collapse:collapse;margin:0}table.bars th,table.bars td{border:0;padding:.1rem .4rem .1rem 0;background:none;font-weight:normal;text-align:left}
table.bars td.n{text-align:right;font-variant-numeric:tabular-nums}table.bars svg{display:block}
.sev-critical{fill:#7f0019;color:#7f0019}.sev-high{fill:#d0312d;color:#b00020}.sev-medium{fill:#e8910c;color:#9a5b00}.sev-low{fill:#c9b200;color:#6b5f00}.sev-info{fill:#7a8a99;color:#4d5a66}
.bar{fill:#4a6fa5}.c-pass{fill:#2e7d32}.c-fail{fill:#c62828}.c-unknown{fill:#d4a017}.c-accepted{fill:#888}.c-manual{fill:#cfd8dc}
.legend span{margin-right:.6rem;font-size:.85em}.legend svg{display:inline;vertical-align:middle;margin-right:.2rem}`;

const BAR_WIDTH = 180;

function bar(count: number, max: number, cls: string): string {
  const width = max > 0 ? Math.max(count > 0 ? 2 : 0, Math.round((count / max) * BAR_WIDTH)) : 0;
  return `<svg width="${BAR_WIDTH}" height="12" aria-hidden="true"><rect class="${cls}" width="${width}" height="12"/></svg>`;
}

function label(text: string, href: string | undefined, cls = ''): string {
  const c = cls ? ` class="${cls}"` : '';
  return href ? `<a href="${h(href)}"${c}>${h(text)}</a>` : `<span${c}>${h(text)}</span>`;
}

function barRows<T>(
  items: T[],
  count: (item: T) => number,
  name: (item: T) => string,
  extra: (item: T) => { href?: string; cls: string; labelCls?: string },
): string {
  const max = Math.max(0, ...items.map(count));
  return items
    .map((item) => {
      const { href, cls, labelCls } = extra(item);
      return `<tr><th scope="row">${label(name(item), href, labelCls)}</th><td>${bar(count(item), max, cls)}</td><td class="n">${count(item)}</td></tr>`;
    })
    .join('');
}

const CONTROL_STATES: readonly ControlStatus[] = ['pass', 'fail', 'unknown', 'accepted', 'manual'];

function stacked(summary: Record<ControlStatus, number>): string {
  const total = CONTROL_STATES.reduce((n, s) => n + summary[s], 0);
  let x = 0;
  const rects = CONTROL_STATES.map((s) => {
    const width = total ? Math.round((summary[s] / total) * BAR_WIDTH) : 0;
    const rect = width
      ? `<rect class="c-${s}" x="${x}" width="${width}" height="12"><title>${summary[s]} ${s}</title></rect>`
      : '';
    x += width;
    return rect;
  }).join('');
  return `<svg width="${BAR_WIDTH}" height="12" role="img" aria-label="${CONTROL_STATES.map((s) => `${summary[s]} ${s}`).join(', ')}">${rects}</svg>`;
}

/** The overview block; `links` turns every label into a drill-down link. */
export function renderOverview(data: OverviewData, links?: OverviewLinks, topChecks = 10): string {
  const severities = barRows(
    [...SEVERITIES],
    (s) => data.bySeverity[s],
    (s) => s,
    (s) => ({ href: links?.severity(s), cls: `sev-${s}`, labelCls: `sev-${s}` }),
  );
  const services = data.byService.length
    ? `<table class="bars" id="by-service">${barRows(
        data.byService,
        (s) => s.count,
        (s) => s.service,
        (s) => ({ href: links?.service(s.service), cls: 'bar' }),
      )}</table>`
    : '<p>No failures.</p>';
  const checks = data.byCheck.length
    ? `<table class="bars" id="by-check">${barRows(
        data.byCheck.slice(0, topChecks),
        (c) => c.count,
        (c) => `${c.checkId}: ${c.title}`,
        (c) => ({ href: links?.check(c.checkId), cls: `sev-${c.severity}` }),
      )}</table>`
    : '<p>No failures.</p>';
  const legend = `<div class="legend">${CONTROL_STATES.map(
    (s) =>
      `<span><svg width="10" height="10" aria-hidden="true"><rect class="c-${s}" width="10" height="10"/></svg>${s}</span>`,
  ).join('')}</div>`;
  const compliance = data.compliance
    .map(
      (f) =>
        `<tr><th scope="row">${label(f.title, links?.framework(f.name))}</th><td>${stacked(f.summary)}</td><td class="n">${f.summary.pass} pass, ${f.summary.fail} fail</td></tr>`,
    )
    .join('');
  return `<div class="overview">
<section><h2>Failures by severity</h2><table class="bars" id="by-severity">${severities}</table></section>
<section><h2>By service</h2>${services}</section>
<section><h2>Top failing checks</h2>${checks}</section>
<section><h2>Compliance at a glance</h2><table class="bars" id="compliance-glance">${compliance}</table>${legend}</section>
</div>`;
}

function titleOf(checkId: string): string {
  return CHECKS.find((c) => c.id === checkId)?.title ?? checkId;
}

/** Counts per key, most first, ties by key. */
export function ranked(keys: readonly string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The overview of one scan's results (the static report). */
export function overviewOfResults(report: {
  accountId: string;
  generatedAt: string;
  collectedAt: string;
  results: readonly Result[];
}): OverviewData {
  const failed = report.results.filter((r) => r.status === 'fail');
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of failed) bySeverity[r.severity] += 1;
  const severityOf = new Map(failed.map((r) => [r.checkId, r.severity]));
  return {
    bySeverity,
    byService: ranked(failed.map((r) => serviceOfCheck(r.checkId))).map(({ key, count }) => ({ service: key, count })),
    byCheck: ranked(failed.map((r) => r.checkId)).map(({ key, count }) => ({
      checkId: key,
      title: titleOf(key),
      severity: severityOf.get(key) ?? 'info',
      count,
    })),
    compliance: FRAMEWORKS.map((f) => ({
      name: f.name,
      title: `${f.title} v${f.version}`,
      summary: evaluateFramework(f, report).summary,
    })),
  };
}
