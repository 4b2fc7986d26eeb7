/**
 * The dashboard in a real browser (Debian's chromium through playwright-core): every page loads with no request to
 * another host and no CSP violation, the findings table filters, a resource opens, a finding is accepted there and
 * `cloudwarden findings --status accepted` then lists it. A screenshot of every page goes to
 * test-output/dashboard/. Under CI=true a missing chromium fails the test; elsewhere it is skipped with the reason.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { openStore, type StoreDb } from '../../src/store/open.ts';
import { runCli } from '../support/run-cli.ts';
import { HOSTILE_ARN, seedStore } from './seed.ts';

const CHROMIUM = process.env.CLOUDWARDEN_CHROMIUM ?? '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../../test-output/dashboard/', import.meta.url));
const present = existsSync(CHROMIUM);
if (!present && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the dashboard's browser tests`);
}
if (!present) process.stdout.write(`skipping the dashboard browser tests: no chromium at ${CHROMIUM}\n`);

describe.skipIf(!present)('the dashboard in chromium', () => {
  let dir: string;
  let db: string;
  let store: StoreDb;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const foreign: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-dashboard-'));
    db = `sqlite:${path.join(dir, 'cw.db')}`;
    store = await openStore({ engine: 'sqlite', path: path.join(dir, 'cw.db') });
    await seedStore(store);
    server = await startServer({ store, host: '127.0.0.1', port: 0, now: () => new Date('2026-11-22T12:00:00Z') });
    await mkdir(OUT, { recursive: true });
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    page.on('console', (message) => {
      // a failed load is reported below with its URL
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.db.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const visit = async (pathAndQuery: string, shot: string) => {
    const response = await page.goto(new URL(pathAndQuery, server.url).href);
    expect(response?.status(), pathAndQuery).toBe(200);
    await page.screenshot({ path: path.join(OUT, `${shot}.png`), fullPage: true });
  };

  it('loads every page without a request elsewhere, a CSP violation or injected markup', async () => {
    await visit('/', 'overview');
    // uPlot drew the trend from the page's data (the script and the library loaded under the CSP)
    expect(await page.locator('#trend .uplot canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#by-severity tr').count()).toBe(5);
    await visit('/findings', 'findings');
    await visit(`/resource?arn=${encodeURIComponent(HOSTILE_ARN)}`, 'resource');
    await visit('/compliance', 'compliance');
    await visit('/compliance/cis-aws-v3.0', 'compliance-framework');
    await visit('/alerts', 'alerts');
    await visit('/vulnerabilities', 'vulnerabilities');
    await visit('/malware', 'malware');
    await visit('/acceptances', 'acceptances');
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('filters the findings table from its form, into a URL that can be shared', async () => {
    await page.goto(new URL('/findings', server.url).href);
    const all = await page.locator('#findings tbody tr').count();
    await Promise.all([page.waitForURL(/severity=critical/), page.selectOption('#filter-severity', 'critical')]);
    const severities = await page.locator('#findings tbody tr td:first-child').allTextContents();
    expect(severities.length).toBeGreaterThan(0);
    expect(severities.length).toBeLessThan(all);
    expect(new Set(severities)).toEqual(new Set(['critical']));
    await page.reload();
    expect(await page.locator('#findings tbody tr td:first-child').allTextContents()).toEqual(severities);
    await page.screenshot({ path: path.join(OUT, 'findings-critical.png'), fullPage: true });
  });

  it('opens a resource, accepts its finding there, and the CLI sees it accepted', async () => {
    await page.goto(new URL('/findings?service=s3&check=s3-bucket-logging-enabled', server.url).href);
    const link = page.locator('#findings a.arn', { hasText: 'demo-public-by-policy' }).first();
    await Promise.all([page.waitForURL(/\/resource\?arn=/), link.click()]);
    expect(await page.locator('#resource-arn').textContent()).toBe('arn:aws:s3:::demo-public-by-policy');
    const row = page.locator('#resource-findings tr', { hasText: 's3-bucket-logging-enabled' });
    await row.locator('summary', { hasText: 'accept' }).click();
    await row.locator('input[name=by]').fill('alice');
    await row.locator('input[name=reason]').fill('logs come from CloudTrail data events');
    await row.locator('input[name=until]').fill('2026-12-31');
    await Promise.all([page.waitForURL(/\/resource\?arn=/), row.locator('button[type=submit]').click()]);
    expect(await row.textContent()).toContain('accepted in the dashboard by alice until 2026-12-31');
    await page.screenshot({ path: path.join(OUT, 'resource-accepted.png'), fullPage: true });

    const cli = await runCli(['findings', '--status', 'accepted', '--db', db, '--format', 'json'], { HOME: dir });
    expect(cli.code, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as {
      results: Array<{ checkId: string; resource: { arn: string }; status: string }>;
    };
    expect(report.results.map((r) => [r.checkId, r.resource.arn, r.status])).toEqual([
      ['s3-bucket-logging-enabled', 'arn:aws:s3:::demo-public-by-policy', 'accepted'],
    ]);

    const exported = await runCli(['db', 'acceptances', '--format', 'accept-file', '--db', db], { HOME: dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('- check: "s3-bucket-logging-enabled"');
    expect(exported.stdout).toContain('resources:\n    - "arn:aws:s3:::demo-public-by-policy"');

    await page.goto(new URL('/acceptances', server.url).href);
    expect(await page.locator('#acceptances tbody tr').count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, 'acceptances-one.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
