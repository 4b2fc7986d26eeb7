/**
 * The only files the server reads for a request: a fixed list, by exact path. uPlot comes from its package in
 * node_modules (never a CDN); the stylesheet and the script are this module's own text. No request path is ever
 * joined to a directory, so there is no listing and no traversal to get wrong.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import { OVERVIEW_CSS } from '../report/overview.ts';
import { CLIENT_SCRIPT } from './client-script.ts';

const require = createRequire(import.meta.url);

const STYLE = `*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#1f2d3d;color:#fff;padding:.5rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
header nav{display:flex;gap:1rem;flex-wrap:wrap}header a{color:#d8e4f0;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #fff}header .brand{font-weight:700;color:#fff;margin-right:.8rem}
main{padding:1rem 1.2rem;max-width:1400px}h1{font-size:1.35rem;margin:.3rem 0 .8rem}h2{font-size:1.1rem}
table{border-collapse:collapse;margin:.4rem 0 1.2rem;background:#fff}th,td{border:1px solid #d5d9de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4}td.n{text-align:right;font-variant-numeric:tabular-nums}.arn{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all;display:inline-block;min-width:14em}
.fail,.open{color:#b00020;font-weight:600}.unknown{color:#8a6d00}.accepted{color:#555}.pass,.resolved{color:#1b6e20}.manual{color:#666}
.expired{color:#b00020;font-weight:600}.expiring{color:#9a5b00;font-weight:600}.revoked{color:#777}
form.filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:end;background:#fff;border:1px solid #d5d9de;padding:.6rem;margin-bottom:.6rem}
form.filters label{display:flex;flex-direction:column;font-size:.85em;color:#444}form.filters input,form.filters select{padding:.2rem;font:inherit}
form.inline{display:inline}details.accept form{display:grid;gap:.3rem;margin:.3rem 0;max-width:22rem}details.accept input{font:inherit;padding:.2rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:.4rem 0 1rem}.card{background:#fff;border:1px solid #d5d9de;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.6rem}
.pager{margin:.4rem 0}.pager a{margin-right:.8rem}.error{background:#fdecea;border:1px solid #f5c2c0;padding:.6rem}.muted{color:#666}
#findings td:nth-child(n+5):nth-child(-n+8){white-space:nowrap}
pre{white-space:pre-wrap;margin:.2rem 0;background:#f4f4f4;padding:.3rem}#trend{min-height:240px}
${OVERVIEW_CSS}`;

interface Asset {
  type: string;
  body: () => Promise<string>;
}

const ASSETS: Record<string, Asset> = {
  '/assets/uplot.js': {
    type: 'text/javascript; charset=utf-8',
    body: () => readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
  },
  '/assets/uplot.css': {
    type: 'text/css; charset=utf-8',
    body: () => readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  },
  '/assets/app.css': { type: 'text/css; charset=utf-8', body: () => Promise.resolve(STYLE) },
  '/assets/app.js': { type: 'text/javascript; charset=utf-8', body: () => Promise.resolve(CLIENT_SCRIPT) },
};

/** Serves the allow-listed assets (cached for the process: they never change while it runs). */
export function registerAssets(app: Hono): void {
  // browsers ask for it on every page; no icon, and no 404 in their console
  app.get('/favicon.ico', (c) => c.body(null, 204));
  const cache = new Map<string, string>();
  for (const [path, asset] of Object.entries(ASSETS)) {
    app.get(path, async (c) => {
      let body = cache.get(path);
      if (body === undefined) {
        body = await asset.body();
        cache.set(path, body);
      }
      c.header('Content-Type', asset.type);
      c.header('Cache-Control', 'private, max-age=3600');
      return c.body(body);
    });
  }
}
