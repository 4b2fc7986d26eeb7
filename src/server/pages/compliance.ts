/** Compliance: every framework at a glance, then one framework's controls, each drilling into its findings. */
import type { FrameworkState } from '../data.ts';
import { h, href, page, table, type PageContext } from './layout.ts';

export function complianceIndexPage(ctx: PageContext, frameworks: FrameworkState[]): string {
  const rows = frameworks.map((f) => [
    `<a href="${h(href(`/compliance/${encodeURIComponent(f.framework.name)}`))}">${h(f.framework.title)} v${h(f.framework.version)}</a>`,
    `<span class="pass">${f.summary.pass}</span>`,
    `<span class="fail">${f.summary.fail}</span>`,
    `<span class="unknown">${f.summary.unknown}</span>`,
    `${f.summary.accepted}`,
    `<span class="manual">${f.summary.manual}</span>`,
  ]);
  return page(
    'Compliance',
    '/compliance',
    ctx,
    table('frameworks', ['Framework', 'Pass', 'Fail', 'Unknown', 'Accepted', 'Manual'], rows),
  );
}

export function frameworkPage(ctx: PageContext, f: FrameworkState): string {
  const rows = f.controls.map((c) => {
    const control = `${f.framework.name}:${c.control.id}`;
    const drill = (n: number, status: string) =>
      n > 0 ? `<a href="${h(href('/findings', { control, status }))}">${n}</a>` : '0';
    const why =
      c.status === 'manual'
        ? 'no automated check: verify by hand'
        : c.notRun.length
          ? `not run by any stored scan: ${c.notRun.join(', ')}`
          : c.silent.length
            ? `no results for ${c.silent.join(', ')} (no resources of its kind)`
            : c.unlisted && c.unknown === 0 && c.status === 'unknown'
              ? 'a listing failed in the latest scan: resources may be missing'
              : '';
    return [
      h(c.control.id),
      `<span class="${c.status}">${c.status}</span>${why ? `<div class="muted">${h(why)}</div>` : ''}`,
      h(c.control.title),
      h(c.control.section),
      drill(c.failing, 'open'),
      drill(c.accepted, 'accepted'),
      `${c.passed}`,
      h(c.control.checks.join(', ')),
    ];
  });
  return page(
    `${f.framework.title} v${f.framework.version}`,
    '/compliance',
    ctx,
    `<p>${f.summary.pass} pass, ${f.summary.fail} fail, ${f.summary.unknown} unknown, ${f.summary.accepted} accepted, ${f.summary.manual} manual.</p>
${table('controls', ['Control', 'Status', 'Title', 'Section', 'Open findings', 'Accepted', 'Passed (latest)', 'Checks'], rows)}
<p class="muted">${h(f.framework.scope)}</p>`,
  );
}
