/**
 * The dashboard's JSON API and its guards, on both engines: filters the `findings` command has, pages, accept and
 * un-accept seen by the store's findings query, the accept-file export read back by the accept-file parser, the
 * token, the CSRF token, the Host check, CSP, the asset allow-list, and hostile text escaped in every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { parseAcceptYaml } from '../../src/findings/accept-file.ts';
import { createApp } from '../../src/server/app.ts';
import { isLoopback, requireTokenFor } from '../../src/server/security.ts';
import type { StoreDb } from '../../src/store/open.ts';
import { findingQuery } from '../../src/store/filters.ts';
import { listFindings } from '../../src/store/queries.ts';
import { dropTestDatabases, ENGINES, freshStore } from '../store/engines.ts';
import { HOSTILE, HOSTILE_ARN, NOW, seedStore } from './seed.ts';

const CSRF = 'test-csrf-token';
const ORIGIN = 'http://127.0.0.1:8080';

interface FindingsBody {
  total: number;
  limit: number;
  offset: number;
  findings: Array<{
    fingerprint: string;
    checkId: string;
    resourceArn: string;
    severity: string;
    status: string;
    tags: Record<string, string>;
  }>;
}

afterAll(dropTestDatabases);

describe.each(ENGINES)('the dashboard API on $engine', (engine) => {
  let store: StoreDb;
  let app: ReturnType<typeof createApp>;
  const get = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);
  const json = async <T>(path: string): Promise<T> => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const post = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': CSRF, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    store = await freshStore(engine);
    await seedStore(store);
    app = createApp({ store, host: '127.0.0.1', csrf: CSRF, now: () => NOW });
  });
  afterAll(async () => store.db.destroy());

  it('pages the findings with a total, newest first, like `findings`', async () => {
    const all = await json<FindingsBody>('/api/findings?limit=500');
    const cli = await listFindings(store, findingQuery({}, NOW));
    expect(all.findings.map((f) => f.fingerprint)).toEqual(cli.map((f) => f.fingerprint));
    expect(all.total).toBe(cli.length);
    expect(all.total).toBeGreaterThan(20);
    const second = await json<FindingsBody>('/api/findings?limit=10&offset=10');
    expect(second.findings.map((f) => f.fingerprint)).toEqual(all.findings.slice(10, 20).map((f) => f.fingerprint));
  });

  it('filters by severity, service, check alias, tag, region, account and framework control', async () => {
    const critical = await json<FindingsBody>('/api/findings?severity=critical&limit=500');
    expect(critical.total).toBeGreaterThan(0);
    expect(new Set(critical.findings.map((f) => f.severity))).toEqual(new Set(['critical']));

    const s3 = await json<FindingsBody>('/api/findings?service=s3&limit=500');
    const s3Checks = new Set(CHECKS.filter((c) => c.service === 's3').map((c) => c.id));
    expect(s3.total).toBeGreaterThan(0);
    expect(s3.findings.every((f) => s3Checks.has(f.checkId))).toBe(true);
    expect(s3.total).toBeLessThan((await json<FindingsBody>('/api/findings?limit=1')).total);

    const prod = await json<FindingsBody>('/api/findings?tag=env%3Dprod&limit=500');
    expect(prod.findings.map((f) => f.resourceArn)).toContain(HOSTILE_ARN);
    expect(prod.findings.every((f) => f.tags.env === 'prod')).toBe(true);
    expect((await json<FindingsBody>('/api/findings?tag=env%3Dpro')).total).toBe(0);
    // a tag value is matched as written, quotes and markup included
    const owner = await json<FindingsBody>(
      `/api/findings?${new URLSearchParams({ tag: `owner=${HOSTILE}` }).toString()}`,
    );
    expect(owner.findings.map((f) => f.resourceArn)).toEqual([HOSTILE_ARN]);

    const cis = await json<FindingsBody>(`/api/findings?control=${encodeURIComponent('cis-aws-v3.0:3.1')}&limit=500`);
    expect(
      cis.findings.every((f) => f.checkId === 'cloudtrail-multi-region-enabled' || f.checkId.startsWith('cloudtrail')),
    ).toBe(true);

    expect((await json<FindingsBody>('/api/findings?region=nowhere-1')).total).toBe(0);
    expect((await json<FindingsBody>('/api/findings?account=123456789012&limit=1')).total).toBe(
      (await json<FindingsBody>('/api/findings?limit=1')).total,
    );
    // a service and a control that share no check select nothing, rather than everything
    expect(
      (await json<FindingsBody>(`/api/findings?service=iam&control=${encodeURIComponent('cis-aws-v3.0:3.1')}`)).total,
    ).toBe(0);
  });

  it('says what is wrong with a bad filter, as one line of JSON', async () => {
    const res = await get('/api/findings?severity=urgent');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/^--severity: unknown severity "urgent"/) });
    expect((await get('/api/findings?control=cis-aws-v3.0:99.9')).status).toBe(400);
    expect((await get('/api/findings?sort=secret')).status).toBe(400);
  });

  it('shows this week: resolved and new, and the trend per scan day', async () => {
    const overview = await json<{
      thisWeek: { created: number; resolved: number };
      trend: Array<{ day: string; bySeverity: Record<string, number> }>;
      overview: { bySeverity: Record<string, number> };
    }>('/api/overview');
    expect(overview.thisWeek.resolved).toBe(1);
    expect(overview.trend.map((p) => p.day)).toEqual(['2026-11-20', '2026-11-21']);
    const total = (p: Record<string, number>) => Object.values(p).reduce((a, b) => a + b, 0);
    expect(total(overview.trend[0]!.bySeverity) - total(overview.trend[1]!.bySeverity)).toBe(1);
    expect(total(overview.trend[1]!.bySeverity)).toBe(total(overview.overview.bySeverity));
  });

  it('accepts and un-accepts a finding: `findings --status accepted` sees it, the accept file carries it', async () => {
    const [target] = (
      await json<FindingsBody>(`/api/findings?${new URLSearchParams({ tag: `owner=${HOSTILE}` }).toString()}`)
    ).findings;
    expect(target!.status).toBe('open');
    const accepted = await post('/api/acceptances', {
      fingerprint: target!.fingerprint,
      by: 'alice',
      reason: `legacy ${HOSTILE}`,
      until: '2026-12-31',
    });
    expect(accepted.status).toBe(201);
    const seen = await listFindings(store, findingQuery({ status: ['accepted'] }, NOW));
    expect(seen.map((f) => f.resourceArn)).toEqual([HOSTILE_ARN]);

    const file = await get('/api/accept-file');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="accept.yaml"');
    const entries = parseAcceptYaml(await file.text(), 'accept.yaml', (id) =>
      CHECKS.filter((c) => c.id === id).map((c) => c.id),
    );
    expect(entries).toMatchObject([
      {
        checkIds: ['s3-bucket-logging-enabled'],
        reason: `legacy ${HOSTILE}`,
        accounts: ['123456789012'],
        expires: '2026-12-31',
        acceptedBy: 'alice',
      },
    ]);
    // the glob names exactly the hostile ARN, its markup characters taken literally
    const picomatch = (await import('picomatch')).default;
    expect(picomatch(entries[0]!.resources![0]!)(HOSTILE_ARN)).toBe(true);
    expect(picomatch(entries[0]!.resources![0]!)('arn:aws:s3:::evil-x')).toBe(false);

    expect((await post('/api/acceptances/revoke', { fingerprint: target!.fingerprint })).status).toBe(200);
    expect(await listFindings(store, findingQuery({ status: ['accepted'] }, NOW))).toEqual([]);
    expect((await post('/api/acceptances/revoke', { fingerprint: target!.fingerprint })).status).toBe(404);
  });

  it('refuses an acceptance without who or why, or one that has already ended', async () => {
    const [target] = (await json<FindingsBody>('/api/findings?limit=1')).findings;
    const res = await post('/api/acceptances', { fingerprint: target!.fingerprint, by: 'alice', reason: ' ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'reason: is required' });
    const past = await post('/api/acceptances', {
      fingerprint: target!.fingerprint,
      by: 'a',
      reason: 'r',
      until: '2026-01-01',
    });
    expect(past.status).toBe(400);
    expect((await post('/api/acceptances', { fingerprint: 'f'.repeat(64), by: 'a', reason: 'r' })).status).toBe(400);
  });

  it('changes nothing without the CSRF token, from another origin, or by GET', async () => {
    const [target] = (await json<FindingsBody>('/api/findings?limit=1')).findings;
    const body = { fingerprint: target!.fingerprint, by: 'mallory', reason: 'x' };
    expect((await post('/api/acceptances', body, { 'x-csrf-token': 'guess' })).status).toBe(403);
    expect((await post('/api/acceptances', body, { origin: 'https://evil.example' })).status).toBe(403);
    const form = await app.request(`${ORIGIN}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
    expect(form.status).toBe(403);
    expect((await get(`/accept?fingerprint=${target!.fingerprint}&by=m&reason=x`)).status).toBe(404);
    expect(await listFindings(store, findingQuery({ status: ['accepted'] }, NOW))).toEqual([]);
  });

  it('a form accept returns to its page, never to another site', async () => {
    const [target] = (await json<FindingsBody>('/api/findings?limit=1')).findings;
    const send = (ret: string) =>
      app.request(`${ORIGIN}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          csrf: CSRF,
          fingerprint: target!.fingerprint,
          by: 'bob',
          reason: 'ok',
          return: ret,
        }).toString(),
      });
    const back = await send('/findings?severity=high');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/findings?severity=high');
    expect((await send('//evil.example/x')).headers.get('location')).toBe('/findings');
    expect((await send('https://evil.example/')).headers.get('location')).toBe('/findings');
    await post('/api/acceptances/revoke', { fingerprint: target!.fingerprint });
  });

  it('answers only to localhost names while bound to loopback', async () => {
    expect((await app.request('http://attacker.example:8080/api/findings')).status).toBe(421);
    expect((await app.request('http://localhost:8080/api/findings?limit=1')).status).toBe(200);
  });

  it('sends a strict CSP and serves only the allow-listed assets', async () => {
    const res = await get('/');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<style>| style=| on[a-z]+=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const uplot = await get('/assets/uplot.js');
    expect(uplot.status).toBe(200);
    expect(await uplot.text()).toMatch(/uPlot/);
    for (const path of [
      '/assets/',
      '/assets/..%2fpackage.json',
      '/assets/uPlot.iife.min.js',
      '/node_modules/uplot/package.json',
      '/src/cli/main.ts',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('escapes hostile text on every page', async () => {
    const pages = [
      '/',
      '/findings?severity=critical',
      `/resource?arn=${encodeURIComponent(HOSTILE_ARN)}`,
      '/alerts',
      '/vulnerabilities',
      '/malware',
      '/acceptances',
      '/compliance',
      '/compliance/aws-fsbp',
    ];
    for (const path of pages) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<script>window');
    }
    const resource = await (await get(`/resource?arn=${encodeURIComponent(HOSTILE_ARN)}`)).text();
    expect(resource).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(resource).toContain('policy made public by &lt;img'); // the alert names it
  });
});

describe('the token', () => {
  let store: StoreDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore(ENGINES[0]!);
    app = createApp({ store, host: '0.0.0.0', token: 's3cret', csrf: CSRF, now: () => NOW });
  });
  afterAll(async () => store.db.destroy());

  it('is needed on every request, assets included', async () => {
    for (const path of ['/', '/api/findings', '/assets/app.js']) {
      expect((await app.request(`http://10.0.0.5:8080${path}`)).status, path).toBe(401);
    }
    expect(
      (await app.request('http://10.0.0.5:8080/api/findings', { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    expect(
      (await app.request('http://10.0.0.5:8080/api/findings', { headers: { authorization: 'Bearer s3cret' } })).status,
    ).toBe(200);
  });

  it('?token= logs a browser in with a cookie and drops the token from the URL', async () => {
    const login = await app.request('http://10.0.0.5:8080/findings?token=s3cret&severity=high');
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/findings?severity=high');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cloudwarden_token=s3cret; .*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await app.request('http://10.0.0.5:8080/findings?severity=high', {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    expect((await app.request('http://10.0.0.5:8080/?token=nope')).status).toBe(401);
  });

  it('must be given to listen beyond loopback', () => {
    expect(() => requireTokenFor('0.0.0.0', undefined)).toThrowError(
      /^refusing to listen on 0\.0\.0\.0 without a token/,
    );
    expect(() => requireTokenFor('0.0.0.0', 't')).not.toThrow();
    expect(() => requireTokenFor('127.0.0.1', undefined)).not.toThrow();
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::', 'localhost.evil.example', '127.0.0.1.evil.example'].some(isLoopback)).toBe(
      false,
    );
  });
});
