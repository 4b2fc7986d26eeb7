/**
 * What the pages and the JSON API show, read from the store: each function serves both, so a page and its API
 * answer never disagree.
 */
import { findChecks, serviceOfCheck } from '../checks/catalogue.ts';
import type { ControlStatus } from '../compliance/evaluate.ts';
import type { Control, Framework } from '../compliance/framework.ts';
import { FRAMEWORKS } from '../compliance/frameworks/index.ts';
import { filledRemediation } from '../report/remediation-values.ts';
import type { OverviewData } from '../report/overview.ts';
import { SEVERITIES, type Severity } from '../findings/severity.ts';
import { listAcceptances, type StoredAcceptance } from '../store/acceptances.ts';
import { asResult } from '../store/as-result.ts';
import { changesSince, listAlerts, openFailuresTrend, type StoredAlert, type TrendPoint } from '../store/dashboard.ts';
import type { StoreDb } from '../store/open.ts';
import {
  countOpenFindings,
  listFindings,
  listScans,
  resourceHistory,
  type HistoryEntry,
  type OpenCount,
  type StoredFinding,
} from '../store/queries.ts';

const WEEK_MS = 7 * 86_400_000;

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface Dashboard {
  overview: OverviewData;
  trend: TrendPoint[];
  thisWeek: { created: number; resolved: number };
  accounts: Array<{ key: string; count: number }>;
  regions: Array<{ key: string; count: number }>;
  open: { failing: number; unknown: number; accepted: number };
  lastScan: { id: number; startedAt: string; source: string; partial: boolean } | null;
}

/** Counts per value of one field, most first, then by value (the order countFindingsBy gives). */
function tally(
  counts: readonly OpenCount[],
  keep: (c: OpenCount) => boolean,
  key: (c: OpenCount) => string,
): Array<{ key: string; count: number }> {
  const totals = new Map<string, number>();
  for (const c of counts) if (keep(c)) totals.set(key(c), (totals.get(key(c)) ?? 0) + c.count);
  return [...totals]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Open failures: not unknown, not accepted (the `failing` query). */
const isFailing = (c: OpenCount) => c.verdict === 'fail' && !c.accepted;
const isUnknown = (c: OpenCount) => c.verdict === 'unknown' && !c.accepted;
const isAccepted = (c: OpenCount) => c.accepted;

export async function dashboard(store: StoreDb, now: Date): Promise<Dashboard> {
  // one pass over the open findings serves every count of the page, compliance included
  const counts = await countOpenFindings(store, today(now));
  const byCheck = tally(counts, isFailing, (c) => c.checkId);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const row of tally(counts, isFailing, (c) => c.severity)) {
    if (row.key in bySeverity) bySeverity[row.key as Severity] = row.count;
  }
  const perService = new Map<string, number>();
  for (const c of byCheck)
    perService.set(serviceOfCheck(c.key), (perService.get(serviceOfCheck(c.key)) ?? 0) + c.count);
  const services = [...perService]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const total = (keep: (c: OpenCount) => boolean) => counts.reduce((n, c) => n + (keep(c) ? c.count : 0), 0);
  const [scan] = await listScans(store, 1);
  const runs = await latestCheckRuns(store);
  return {
    overview: {
      bySeverity,
      byService: services.map(({ key, count }) => ({ service: key, count })),
      byCheck: byCheck.map(({ key, count }) => {
        const check = findChecks(key)[0];
        return { checkId: key, title: check?.title ?? key, severity: check?.severity ?? 'info', count };
      }),
      compliance: FRAMEWORKS.map((f) => complianceOf(f, counts, runs, scan?.checks ?? [])).map((c) => ({
        name: c.framework.name,
        title: `${c.framework.title} v${c.framework.version}`,
        summary: c.summary,
      })),
    },
    trend: await openFailuresTrend(store),
    thisWeek: await changesSince(store, new Date(now.getTime() - WEEK_MS).toISOString()),
    accounts: tally(counts, isFailing, (c) => c.accountId),
    regions: tally(counts, isFailing, (c) => c.region),
    open: { failing: total(isFailing), unknown: total(isUnknown), accepted: total(isAccepted) },
    lastScan: scan ? { id: scan.id, startedAt: scan.startedAt, source: scan.source, partial: scan.partial } : null,
  };
}

export interface ControlState {
  control: Control;
  status: ControlStatus;
  failing: number;
  unknown: number;
  accepted: number;
  /** results that passed in the latest scan that ran each of the control's checks */
  passed: number;
  /** the control's checks no stored scan ran (with scans from before per-check counts: the latest scan did not) */
  notRun: string[];
  /** the control's checks whose latest run had no result: no resource of their kind (unknown, as in `--compliance`) */
  silent: string[];
  /** the latest run of one of its checks had a failed listing (an unknown on a wildcard ARN, never a finding) */
  unlisted: boolean;
}

export interface FrameworkState {
  framework: Pick<Framework, 'name' | 'title' | 'version' | 'scope'>;
  summary: Record<ControlStatus, number>;
  controls: ControlState[];
}

/**
 * A framework's controls as the store has them, by the rules `--compliance` applies to one scan
 * (compliance/evaluate.ts): failing when an open failure of one of its checks remains; else unknown when one is
 * unknown (or its latest run had a failed listing), or a check was not run, or its latest run had no result at
 * all; else accepted when only accepted
 * failures remain; manual without checks; else passing. The store keeps no passing results, so "ran and had
 * results" comes from each scan's per-check counts (scan_checks).
 */
export async function compliance(store: StoreDb, framework: Framework, now: Date): Promise<FrameworkState> {
  const counts = await countOpenFindings(store, today(now));
  const runs = await latestCheckRuns(store);
  const [scan] = await listScans(store, 1);
  return complianceOf(framework, counts, runs, scan?.checks ?? []);
}

function complianceOf(
  framework: Framework,
  counts: readonly OpenCount[],
  runs: Map<string, CheckRun>,
  latestScanChecks: readonly string[],
): FrameworkState {
  const byCheck = (keep: (c: OpenCount) => boolean) =>
    new Map(tally(counts, keep, (c) => c.checkId).map((r) => [r.key, r.count]));
  const fails = byCheck(isFailing);
  const unknowns = byCheck(isUnknown);
  const accepts = byCheck(isAccepted);
  const ranBefore = new Set(latestScanChecks);
  const sum = (checks: string[], counts: Map<string, number>) => checks.reduce((n, id) => n + (counts.get(id) ?? 0), 0);
  const controls = framework.controls.map((control): ControlState => {
    const state = {
      control,
      failing: sum(control.checks, fails),
      unknown: sum(control.checks, unknowns),
      accepted: sum(control.checks, accepts),
      passed: control.checks.reduce((n, id) => n + (runs.get(id)?.passed ?? 0), 0),
      notRun: control.checks.filter((id) => !runs.has(id) && !ranBefore.has(id)),
      silent: control.checks.filter((id) => runs.get(id)?.results === 0),
      // a failed listing (a gap: `unknown` on a wildcard ARN) is no finding, only a count of the run
      unlisted: control.checks.some((id) => (runs.get(id)?.unknown ?? 0) > 0),
    };
    const status: ControlStatus =
      control.checks.length === 0
        ? 'manual'
        : state.failing > 0
          ? 'fail'
          : state.unknown > 0 || state.unlisted || state.notRun.length > 0 || state.silent.length > 0
            ? 'unknown'
            : state.accepted > 0
              ? 'accepted'
              : 'pass';
    return { ...state, status };
  });
  const summary: Record<ControlStatus, number> = { pass: 0, fail: 0, unknown: 0, accepted: 0, manual: 0 };
  for (const c of controls) summary[c.status] += 1;
  const { name, title, version, scope } = framework;
  return { framework: { name, title, version, scope }, summary, controls };
}

/** Each check's latest run: how many results it had, how many passed and how many were unknown (gaps included). */
interface CheckRun {
  results: number;
  passed: number;
  unknown: number;
}

async function latestCheckRuns(store: StoreDb): Promise<Map<string, CheckRun>> {
  const latest = store.db
    .selectFrom('scan_checks')
    .select((eb) => ['check_id', eb.fn.max('scan_id').as('scan_id')])
    .groupBy('check_id');
  const rows = await store.db
    .selectFrom('scan_checks as c')
    .innerJoin(latest.as('l'), (join) =>
      join.onRef('l.check_id', '=', 'c.check_id').onRef('l.scan_id', '=', 'c.scan_id'),
    )
    .select(['c.check_id', 'c.passed', 'c.failed', 'c.unknown', 'c.accepted'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.check_id,
      {
        results: Number(r.passed) + Number(r.failed) + Number(r.unknown) + Number(r.accepted),
        passed: Number(r.passed),
        unknown: Number(r.unknown),
      },
    ]),
  );
}

export interface ResourceFinding extends StoredFinding {
  /** how to fix it, with this resource's names in the commands (failures only) */
  remediation: { terraform: string; cli: string; console: string } | null;
  acceptances: StoredAcceptance[];
}

export interface ResourcePage {
  arn: string;
  findings: ResourceFinding[];
  history: HistoryEntry[];
  alerts: StoredAlert[];
}

/** `arn:aws:s3:::logs` → `logs`: detection alerts may name a bucket by its name alone. */
function shortName(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 ? parts.slice(5).join(':') : arn;
}

export async function resource(store: StoreDb, arn: string, now: Date): Promise<ResourcePage> {
  const findings = await listFindings(store, {
    today: today(now),
    resourceArn: arn,
    sort: { by: 'severity', descending: true },
  });
  const acceptances = await listAcceptances(store, today(now), { fingerprints: findings.map((f) => f.fingerprint) });
  const withFixes = findings.map((f) => ({
    ...f,
    remediation: filledRemediation(asResult(f)) ?? null,
    acceptances: acceptances.filter((a) => a.fingerprint === f.fingerprint),
  }));
  const byArn = await listAlerts(store, { limit: 200, offset: 0 }, { resource: arn });
  const byName =
    shortName(arn) === arn
      ? { alerts: [] }
      : await listAlerts(store, { limit: 200, offset: 0 }, { resource: shortName(arn) });
  return {
    arn,
    findings: withFixes,
    history: await resourceHistory(store, arn),
    alerts: [...byArn.alerts, ...byName.alerts],
  };
}
