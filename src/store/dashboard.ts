/**
 * The dashboard's summary queries: the trend of open failures, what changed this week, and the alert,
 * vulnerability and malware lists. The findings themselves are read through queries.ts, like the CLI reads them.
 */
import { sql } from 'kysely';
import { SEVERITIES, type Severity } from '../findings/severity.ts';
import type { StoreDb } from './open.ts';

export interface TrendPoint {
  /** YYYY-MM-DD: a day some scan ran */
  day: string;
  bySeverity: Record<Severity, number>;
}

/** The day of an ISO time column, spelled identically in select and group by (PostgreSQL compares the text). */
function day<T = string>(column: 'started_at' | 'first_seen' | 'resolved_at') {
  return sql<T>`substr(${sql.ref(column)}, 1, 10)`;
}

function zeroes(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

/**
 * Failing findings open at the end of each scan day (the last `days` of them), as the verdict history has them (see
 * summary.ts `refreshTrend`): unknown and accepted findings are not failures, so they stay out of the days they
 * were unknown or accepted, and a finding resolved and failing again is out of the days in between.
 */
export async function openFailuresTrend(store: StoreDb, days = 90): Promise<TrendPoint[]> {
  const scanDays = await store.db
    .selectFrom('scans')
    .select(day('started_at').as('day'))
    .distinct()
    .orderBy('day', 'desc')
    .limit(days)
    .execute();
  const daysAsc = scanDays.map((d) => d.day).reverse();
  if (daysAsc.length === 0) return [];
  const rows = await store.db
    .selectFrom('trend_days')
    .select(['day', 'severity', 'failing'])
    .where('day', '>=', daysAsc[0]!)
    .execute();
  const points = new Map(daysAsc.map((d) => [d, zeroes()]));
  for (const row of rows) {
    const bySeverity = points.get(row.day);
    if (bySeverity && row.severity in bySeverity) bySeverity[row.severity as Severity] += Number(row.failing);
  }
  return daysAsc.map((d) => ({ day: d, bySeverity: points.get(d)! }));
}

/** Findings first seen, and findings resolved, at or after `since`. */
export async function changesSince(store: StoreDb, since: string): Promise<{ created: number; resolved: number }> {
  const created = await store.db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('first_seen', '>=', since)
    .executeTakeFirstOrThrow();
  const resolved = await store.db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'resolved')
    .where('resolved_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { created: Number(created.n), resolved: Number(resolved.n) };
}

export interface Page {
  limit: number;
  offset: number;
}

export interface StoredAlert {
  eventId: string;
  rule: string;
  priority: string;
  eventTime: string;
  eventName: string;
  principal: string;
  resource: string;
  accountId: string;
  region: string;
  output: string;
}

/** Detection alerts, newest first; `resource` keeps those naming one resource (the resource page). */
export async function listAlerts(
  store: StoreDb,
  page: Page,
  filter: { resource?: string } = {},
): Promise<{ total: number; alerts: StoredAlert[] }> {
  let q = store.db.selectFrom('alerts');
  if (filter.resource) q = q.where('resource', '=', filter.resource);
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('event_time', 'desc')
    .orderBy('event_id')
    .orderBy('rule')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    alerts: rows.map((r) => ({
      eventId: r.event_id,
      rule: r.rule,
      priority: r.priority,
      eventTime: r.event_time,
      eventName: r.event_name,
      principal: r.principal,
      resource: r.resource,
      accountId: r.account_id,
      region: r.region,
      output: r.output,
    })),
  };
}

export interface StoredVuln {
  findingArn: string;
  accountId: string;
  severity: string;
  status: string;
  title: string;
  resourceId: string;
  resourceType: string;
  vulnerabilityId: string;
  package: string;
  fixedIn: string;
  firstObservedAt: string;
  lastObservedAt: string;
}

/** Inspector findings, most severe and most recent first. */
export async function listVulns(store: StoreDb, page: Page): Promise<{ total: number; vulns: StoredVuln[] }> {
  const total = await store.db
    .selectFrom('vuln_findings')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('vuln_findings')
    .selectAll()
    .orderBy((eb) =>
      eb
        .case('severity')
        .when('CRITICAL')
        .then(0)
        .when('HIGH')
        .then(1)
        .when('MEDIUM')
        .then(2)
        .when('LOW')
        .then(3)
        .else(4)
        .end(),
    )
    .orderBy('last_observed_at', 'desc')
    .orderBy('finding_arn')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    vulns: rows.map((r) => ({
      findingArn: r.finding_arn,
      accountId: r.account_id,
      severity: r.severity,
      status: r.status,
      title: r.title,
      resourceId: r.resource_id,
      resourceType: r.resource_type,
      vulnerabilityId: r.vulnerability_id,
      package: r.package,
      fixedIn: r.fixed_in,
      firstObservedAt: r.first_observed_at,
      lastObservedAt: r.last_observed_at,
    })),
  };
}

export interface StoredVerdict {
  bucket: string;
  objectKey: string;
  versionId: string;
  verdict: string;
  signature: string;
  detail: string;
  scannedAt: string;
}

/** Malware verdicts, newest first. */
export async function listVerdicts(store: StoreDb, page: Page): Promise<{ total: number; verdicts: StoredVerdict[] }> {
  const total = await store.db
    .selectFrom('malware_verdicts')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('malware_verdicts')
    .selectAll()
    .orderBy('scanned_at', 'desc')
    .orderBy('bucket')
    .orderBy('object_key')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    verdicts: rows.map((r) => ({
      bucket: r.bucket,
      objectKey: r.object_key,
      versionId: r.version_id,
      verdict: r.verdict,
      signature: r.signature,
      detail: r.detail,
      scannedAt: r.scanned_at,
    })),
  };
}
