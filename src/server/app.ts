/**
 * `cloudwarden serve`: the JSON API under /api and the pages, one Hono app over one store. Reads go through the
 * store's queries (the ones the CLI uses); the only writes are accept and un-accept.
 */
import { Hono, type Context } from 'hono';
import { FRAMEWORKS } from '../compliance/frameworks/index.ts';
import { UserError } from '../errors.ts';
import { acceptFileText, acceptFinding, listAcceptances, revokeAcceptance } from '../store/acceptances.ts';
import { listAlerts, listVerdicts, listVulns } from '../store/dashboard.ts';
import { findingQuery } from '../store/filters.ts';
import type { StoreDb } from '../store/open.ts';
import { countFindings, countFindingsBy, listFindings } from '../store/queries.ts';
import { registerAssets } from './assets.ts';
import { compliance, dashboard, resource } from './data.ts';
import { complianceIndexPage, frameworkPage } from './pages/compliance.ts';
import { findingsPage } from './pages/findings.ts';
import { errorPage, type PageContext } from './pages/layout.ts';
import { acceptancesPage, alertsPage, malwarePage, vulnsPage } from './pages/lists.ts';
import { overviewPage } from './pages/overview.ts';
import { resourcePage } from './pages/resource.ts';
import { filterParams, pageParams, sortParams, toFilters } from './params.ts';
import { csrfGuard, loopbackHostOnly, securityHeaders, tokenAuth } from './security.ts';

export interface AppOptions {
  store: StoreDb;
  /** the address the server listens on: loopback turns on the Host check */
  host: string;
  token?: string;
  csrf: string;
  /** the clock (tests fix it) */
  now?: () => Date;
}

interface ChangeRequest {
  fingerprint: string;
  by?: string;
  reason?: string;
  until?: string;
  return?: string;
}

/** Only a path of this site: `//evil.example` and `https://…` would send the browser elsewhere. */
function safeReturn(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/findings';
}

async function changeRequest(c: Context): Promise<ChangeRequest> {
  const body = (c.req.header('content-type') ?? '').startsWith('application/json')
    ? await c.req.json<Record<string, unknown>>()
    : await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
  const fingerprint = text('fingerprint');
  if (!fingerprint) throw new UserError('is required', { field: 'fingerprint' });
  return { fingerprint, by: text('by'), reason: text('reason'), until: text('until'), return: text('return') };
}

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', loopbackHostOnly(options.host));
  app.use('*', tokenAuth(options.token));
  app.use('*', csrfGuard(options.csrf));
  registerAssets(app);

  const ctx = (c: Context): PageContext => {
    const url = new URL(c.req.url);
    return { csrf: options.csrf, here: `${url.pathname}${url.search}` };
  };
  const wantsJson = (c: Context) => c.req.path.startsWith('/api/');

  app.onError((error, c) => {
    if (error instanceof UserError) {
      const message = error.format();
      return wantsJson(c) ? c.json({ error: message }, 400) : c.html(errorPage(ctx(c), message), 400);
    }
    process.stderr.write(`cloudwarden serve: ${error.stack ?? error.message}\n`);
    return wantsJson(c) ? c.json({ error: 'internal error' }, 500) : c.html(errorPage(ctx(c), 'internal error'), 500);
  });
  app.notFound((c) =>
    wantsJson(c) ? c.json({ error: 'not found' }, 404) : c.html(errorPage(ctx(c), 'not found'), 404),
  );

  const findingsView = async (c: Context) => {
    const params = filterParams(c.req);
    const { limit, offset } = pageParams(c.req);
    const sort = sortParams(c.req);
    const query = { ...findingQuery(toFilters(params), now()), sort };
    const [findings, total] = await Promise.all([
      listFindings(store, { ...query, limit, offset }),
      countFindings(store, query),
    ]);
    return { params, sort, limit, offset, total, findings };
  };

  // --- the JSON API
  app.get('/api/findings', async (c) => {
    const { limit, offset, total, findings } = await findingsView(c);
    return c.json({ total, limit, offset, findings });
  });
  app.get('/api/overview', async (c) => c.json(await dashboard(store, now())));
  app.get('/api/resource', async (c) => {
    const arn = c.req.query('arn');
    if (!arn) throw new UserError('is required', { field: 'arn' });
    return c.json(await resource(store, arn, now()));
  });
  app.get('/api/compliance', async (c) =>
    c.json(await Promise.all(FRAMEWORKS.map((f) => compliance(store, f, now())))),
  );
  app.get('/api/compliance/:framework', async (c) => {
    const framework = FRAMEWORKS.find((f) => f.name === c.req.param('framework'));
    if (!framework) return c.json({ error: 'no such framework' }, 404);
    return c.json(await compliance(store, framework, now()));
  });
  app.get('/api/alerts', async (c) => c.json(await listAlerts(store, pageParams(c.req))));
  app.get('/api/vulnerabilities', async (c) => c.json(await listVulns(store, pageParams(c.req))));
  app.get('/api/malware', async (c) => c.json(await listVerdicts(store, pageParams(c.req))));
  app.get('/api/acceptances', async (c) =>
    c.json(await listAcceptances(store, today(), { includeRevoked: c.req.query('revoked') === 'true' })),
  );
  app.get('/api/accept-file', async (c) => {
    c.header('Content-Type', 'application/yaml; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="accept.yaml"');
    return c.body(await acceptFileText(store, today()));
  });

  const accept = async (request: ChangeRequest) =>
    acceptFinding(store, {
      fingerprint: request.fingerprint,
      reason: request.reason ?? '',
      acceptedBy: request.by ?? '',
      ...(request.until ? { expires: request.until } : {}),
      at: now().toISOString(),
    });
  app.post('/api/acceptances', async (c) => {
    await accept(await changeRequest(c));
    return c.json({ accepted: true }, 201);
  });
  app.post('/api/acceptances/revoke', async (c) => {
    const revoked = await revokeAcceptance(store, (await changeRequest(c)).fingerprint, now().toISOString());
    return c.json({ revoked }, revoked ? 200 : 404);
  });

  // --- the forms: the same changes, then back to the page the form was on
  app.post('/accept', async (c) => {
    const request = await changeRequest(c);
    await accept(request);
    return c.redirect(safeReturn(request.return), 303);
  });
  app.post('/unaccept', async (c) => {
    const request = await changeRequest(c);
    await revokeAcceptance(store, request.fingerprint, now().toISOString());
    return c.redirect(safeReturn(request.return), 303);
  });

  // --- the pages
  app.get('/', async (c) => c.html(overviewPage(ctx(c), await dashboard(store, now()))));
  app.get('/findings', async (c) => {
    const view = await findingsView(c);
    const [acceptances, accounts, regions] = await Promise.all([
      listAcceptances(store, today(), { fingerprints: view.findings.map((f) => f.fingerprint) }),
      countFindingsBy(store, { today: today() }, 'account_id'),
      countFindingsBy(store, { today: today() }, 'region'),
    ]);
    const names = (rows: Array<{ key: string }>) => rows.map((r) => r.key).sort();
    return c.html(findingsPage(ctx(c), { ...view, acceptances, accounts: names(accounts), regions: names(regions) }));
  });
  app.get('/resource', async (c) => {
    const arn = c.req.query('arn');
    if (!arn) throw new UserError('is required', { field: 'arn' });
    return c.html(resourcePage(ctx(c), await resource(store, arn, now())));
  });
  app.get('/compliance', async (c) =>
    c.html(complianceIndexPage(ctx(c), await Promise.all(FRAMEWORKS.map((f) => compliance(store, f, now()))))),
  );
  app.get('/compliance/:framework', async (c) => {
    const framework = FRAMEWORKS.find((f) => f.name === c.req.param('framework'));
    if (!framework) return c.html(errorPage(ctx(c), 'no such framework'), 404);
    return c.html(frameworkPage(ctx(c), await compliance(store, framework, now())));
  });
  app.get('/alerts', async (c) => {
    const page = pageParams(c.req);
    const { total, alerts } = await listAlerts(store, page);
    return c.html(alertsPage(ctx(c), { items: alerts, total, ...page }));
  });
  app.get('/vulnerabilities', async (c) => {
    const page = pageParams(c.req);
    const { total, vulns } = await listVulns(store, page);
    return c.html(vulnsPage(ctx(c), { items: vulns, total, ...page }));
  });
  app.get('/malware', async (c) => {
    const page = pageParams(c.req);
    const { total, verdicts } = await listVerdicts(store, page);
    return c.html(malwarePage(ctx(c), { items: verdicts, total, ...page }));
  });
  app.get('/acceptances', async (c) =>
    c.html(acceptancesPage(ctx(c), await listAcceptances(store, today(), { includeRevoked: false }))),
  );
  return app;
}
