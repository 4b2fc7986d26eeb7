/**
 * The frame every dashboard page shares, and the small pieces of markup the pages build from. Every value from the
 * store passes through `h` (escapeHtml) or `href`; nothing else reaches the markup.
 */
import { escapeHtml as h } from '../../report/escape.ts';
import { CSRF_FIELD } from '../security.ts';

export { h };

export interface PageContext {
  csrf: string;
  /** the request's path and query, where a form returns after a change */
  here: string;
  /** a notice after an accept or un-accept */
  notice?: string;
}

const NAV: ReadonlyArray<[path: string, label: string]> = [
  ['/', 'Overview'],
  ['/findings', 'Findings'],
  ['/compliance', 'Compliance'],
  ['/alerts', 'Detection alerts'],
  ['/vulnerabilities', 'Vulnerabilities'],
  ['/malware', 'Malware'],
  ['/acceptances', 'Acceptances'],
];

/** A same-site link: a path with its query built from `params` (empty values left out). */
export function href(path: string, params: Record<string, string | readonly string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : (value ?? [])) if (v !== '') query.append(key, v);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function resourceLink(arn: string): string {
  return `<a class="arn" href="${h(href('/resource', { arn }))}">${h(arn)}</a>`;
}

export function page(title: string, current: string, ctx: PageContext, body: string, scripts: string[] = []): string {
  const nav = NAV.map(
    ([path, label]) => `<a href="${path}"${path === current ? ' aria-current="page"' : ''}>${h(label)}</a>`,
  ).join('');
  const notice = ctx.notice ? `<p class="card" role="status">${h(ctx.notice)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} · cloudwarden</title>
<link rel="stylesheet" href="/assets/app.css">
${scripts.includes('/assets/uplot.js') ? '<link rel="stylesheet" href="/assets/uplot.css">\n' : ''}</head>
<body>
<header><span class="brand">cloudwarden</span><nav>${nav}</nav></header>
<main>
<h1>${h(title)}</h1>
${notice}${body}
</main>
${[...scripts, '/assets/app.js'].map((src) => `<script src="${h(src)}"></script>`).join('\n')}
</body>
</html>
`;
}

export function csrfInput(ctx: PageContext): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${h(ctx.csrf)}">`;
}

/** A table; `rows` are already escaped cells. */
export function table(id: string, headers: readonly string[], rows: string[][], empty = 'Nothing here yet.'): string {
  if (rows.length === 0) return `<p class="muted" id="${id}-empty">${h(empty)}</p>`;
  return `<table id="${id}"><thead><tr>${headers.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>
${rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

/** Previous/next links that keep every other parameter of the page. */
export function pager(
  path: string,
  params: Record<string, string | readonly string[] | undefined>,
  total: number,
  limit: number,
  offset: number,
): string {
  const links: string[] = [];
  if (offset > 0)
    links.push(
      `<a href="${h(href(path, { ...params, offset: String(Math.max(0, offset - limit)) }))}" rel="prev">previous</a>`,
    );
  if (offset + limit < total)
    links.push(`<a href="${h(href(path, { ...params, offset: String(offset + limit) }))}" rel="next">next</a>`);
  const shown = total === 0 ? 'none' : `${offset + 1}–${Math.min(total, offset + limit)} of ${total}`;
  return `<div class="pager"><span id="shown">${shown}</span> ${links.join(' ')}</div>`;
}

export function errorPage(ctx: PageContext, message: string): string {
  return page('Cannot show this', '', ctx, `<p class="error">${h(message)}</p>`);
}
