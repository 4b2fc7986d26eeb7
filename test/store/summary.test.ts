/**
 * The dashboard's summaries (open findings per check, severity, account, region and verdict; open failures per scan
 * day) agree with the findings and verdict history they summarise, on both engines, after every kind of write:
 * scans that open, resolve, delete and reopen findings, acceptances made in the dashboard, their revocation and
 * expiry, `db prune`, and the migration that fills them in a store written before they existed.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptFinding, revokeAcceptance } from '../../src/store/acceptances.ts';
import { openFailuresTrend } from '../../src/store/dashboard.ts';
import { openStore, type StoreDb } from '../../src/store/open.ts';
import { recordScan } from '../../src/store/posture.ts';
import { pruneStore } from '../../src/store/prune.ts';
import { countFindings, countOpenFindings, listFindings, type FindingQuery } from '../../src/store/queries.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import { result, scan } from './builders.ts';
import { dropTestDatabases, ENGINES } from './engines.ts';

afterAll(dropTestDatabases);

const OTHER = '444455556666';

/** The open and accepted findings counted from the findings table itself, one line per group. */
async function countedFromFindings(store: StoreDb, today: string): Promise<string[]> {
  const findings = await listFindings(store, { today, statuses: ['open', 'accepted'] });
  const groups = new Map<string, number>();
  for (const f of findings) {
    const key = [f.checkId, f.severity, f.accountId, f.region, f.verdict, f.status === 'accepted'].join(' ');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${key} ${n}`).sort();
}

async function countedFromSummary(store: StoreDb, today: string): Promise<string[]> {
  const groups = new Map<string, number>();
  for (const c of await countOpenFindings(store, today)) {
    const key = [c.checkId, c.severity, c.accountId, c.region, c.verdict, c.accepted].join(' ');
    groups.set(key, (groups.get(key) ?? 0) + c.count);
  }
  return [...groups].map(([key, n]) => `${key} ${n}`).sort();
}

/** Each scan day's open failures from the verdict history: the last verdict recorded by the end of the day. */
async function trendFromHistory(store: StoreDb): Promise<Array<[string, number]>> {
  const days = (await store.db.selectFrom('scans').select('started_at').execute())
    .map((s) => s.started_at.slice(0, 10))
    .filter((d, i, all) => all.indexOf(d) === i)
    .sort();
  const events = await store.db
    .selectFrom('finding_events')
    .select(['fingerprint', 'scan_id', 'at', 'verdict'])
    .orderBy('scan_id')
    .execute();
  return days.map((day) => {
    const last = new Map<string, string>();
    for (const e of events) if (e.at.slice(0, 10) <= day) last.set(e.fingerprint, e.verdict);
    return [day, [...last.values()].filter((v) => v === 'fail').length];
  });
}

const QUERIES: Array<{ name: string; query: Omit<FindingQuery, 'today'> }> = [
  { name: 'open', query: { statuses: ['open'] } },
  { name: 'accepted', query: { statuses: ['accepted'] } },
  { name: 'open and accepted', query: { statuses: ['open', 'accepted'] } },
  { name: 'open in one account', query: { statuses: ['open'], accounts: [OTHER] } },
  { name: 'open, one check, one region', query: { statuses: ['open'], checks: ['s3-a'], regions: ['eu-west-1'] } },
  { name: 'open unknowns', query: { statuses: ['open'], verdicts: ['unknown'] } },
  { name: 'open, high', query: { statuses: ['open'], severities: ['high'] } },
  { name: 'no check at all', query: { statuses: ['open'], checks: [] } },
];

async function expectAgreement(store: StoreDb, today: string): Promise<void> {
  expect(await countedFromSummary(store, today)).toEqual(await countedFromFindings(store, today));
  for (const { query } of QUERIES) {
    const q = { ...query, today };
    expect(await countFindings(store, q)).toBe((await listFindings(store, q)).length);
  }
  const trend = await openFailuresTrend(store);
  expect(trend.map((p) => [p.day, Object.values(p.bySeverity).reduce((a, b) => a + b, 0)])).toEqual(
    await trendFromHistory(store),
  );
}

/** Day 1: s3-a fails on logs and data, s3-b fails on logs, s3-a is unknown on web (other account, us-east-1). */
function firstScan() {
  return scan([
    result('s3-a', 'logs', 'fail'),
    result('s3-a', 'data', 'fail'),
    result('s3-b', 'logs', 'fail'),
    result('s3-a', 'web', 'unknown', {
      account: OTHER,
      region: 'us-east-1',
      reason: 'AccessDenied on s3:GetBucketAcl',
    }),
  ]);
}

async function fingerprintOf(store: StoreDb, check: string, name: string): Promise<string> {
  const [f] = await listFindings(store, { today: '2026-11-01', resourceArn: `arn:aws:s3:::${name}` });
  const all = await listFindings(store, { today: '2026-11-01', resourceArn: `arn:aws:s3:::${name}`, checks: [check] });
  return (all[0] ?? f)!.fingerprint;
}

describe.each(ENGINES)('dashboard summaries on $engine', (engine) => {
  it('agree with the findings after scans, dashboard acceptances, revocation, expiry and db prune', async () => {
    const url = await engine.createUrl();
    const store = await openStore(parseStoreUrl(url));
    try {
      const first = firstScan();
      const today = first.startedAt.slice(0, 10);
      await recordScan(store, first);
      await expectAgreement(store, today);

      // accepted in the dashboard until the day after tomorrow
      const logsA = await fingerprintOf(store, 's3-a', 'logs');
      const until = new Date(Date.parse(first.startedAt) + 2 * 86_400_000).toISOString().slice(0, 10);
      await acceptFinding(store, {
        fingerprint: logsA,
        reason: 'test',
        acceptedBy: 'tester',
        expires: until,
        at: first.startedAt,
      });
      await expectAgreement(store, today);
      expect(await countFindings(store, { today, statuses: ['accepted'] })).toBe(1);

      // day 2: data passes (resolved), web fails (unknown to failing), s3-c fails on a new bucket
      const second = scan([
        result('s3-a', 'logs', 'fail'),
        result('s3-a', 'data', 'pass'),
        result('s3-b', 'logs', 'fail'),
        result('s3-c', 'new', 'fail'),
        result('s3-a', 'web', 'fail', { account: OTHER, region: 'us-east-1' }),
      ]);
      await recordScan(store, second);
      await expectAgreement(store, second.startedAt.slice(0, 10));

      // day 3: logs is gone from the listing (deleted), data fails again (reopened)
      const third = scan([result('s3-a', 'data', 'fail'), result('s3-c', 'new', 'fail')], {
        checks: ['s3-a', 's3-b', 's3-c'],
      });
      await recordScan(store, third);
      await expectAgreement(store, third.startedAt.slice(0, 10));

      // after its last day the dashboard acceptance no longer counts, whatever the summary holds
      const later = new Date(Date.parse(third.startedAt) + 5 * 86_400_000).toISOString().slice(0, 10);
      await expectAgreement(store, later);

      // a revoked acceptance: web accepted, then revoked
      const web = await fingerprintOf(store, 's3-a', 'web');
      await acceptFinding(store, { fingerprint: web, reason: 'test', acceptedBy: 'tester', at: third.startedAt });
      await expectAgreement(store, later);
      expect(await countFindings(store, { today: later, statuses: ['accepted'], accounts: [OTHER] })).toBe(1);
      await revokeAcceptance(store, web, third.startedAt);
      await expectAgreement(store, later);

      // prune what ended before day 3: the findings resolved on day 2 and the first two scans go
      await pruneStore(store, third.startedAt);
      await expectAgreement(store, later);
    } finally {
      await store.db.destroy();
    }
  });

  it('agree after scans of several accounts committed side by side on the same day', async () => {
    const url = await engine.createUrl();
    const store = await openStore(parseStoreUrl(url));
    try {
      const accounts = ['111111111111', '222222222222', '333333333333', '444444444444'];
      const day = scan([]).startedAt;
      await Promise.all(
        accounts.map((account) =>
          recordScan(store, {
            ...scan([
              result('s3-a', `logs-${account}`, 'fail', { account }),
              result('s3-b', `logs-${account}`, 'fail', { account }),
            ]),
            startedAt: day,
          }),
        ),
      );
      const today = day.slice(0, 10);
      await expectAgreement(store, today);
      expect((await openFailuresTrend(store)).map((p) => p.bySeverity.high)).toEqual([8]);
    } finally {
      await store.db.destroy();
    }
  });

  it('are filled by the migration in a store written before they existed', async () => {
    const url = await engine.createUrl();
    let store = await openStore(parseStoreUrl(url));
    const first = firstScan();
    const second = scan([
      result('s3-a', 'logs', 'pass'),
      result('s3-b', 'logs', 'fail'),
      result('s3-a', 'data', 'fail'),
    ]);
    try {
      await recordScan(store, first);
      await recordScan(store, second);
      // back to the schema of 0005: no summaries, no new indexes, the migration not applied
      await sql`drop table open_finding_counts`.execute(store.db);
      await sql`drop table trend_days`.execute(store.db);
      for (const index of [
        'findings_default_order',
        'findings_severity_order',
        'findings_first_seen',
        'findings_resolved_at',
        'acceptances_origin',
      ]) {
        await sql`drop index ${sql.raw(index)}`.execute(store.db);
      }
      await sql`create index findings_last_seen on findings (last_seen)`.execute(store.db);
      await sql`delete from kysely_migration where name = '0006-dashboard-summary'`.execute(store.db);
    } finally {
      await store.db.destroy();
    }
    store = await openStore(parseStoreUrl(url));
    try {
      const today = second.startedAt.slice(0, 10);
      expect(await countedFromSummary(store, today)).not.toEqual([]);
      await expectAgreement(store, today);
    } finally {
      await store.db.destroy();
    }
  });
});
