/**
 * The store's tables as Kysely sees them. Times are ISO-8601 UTC strings on both engines (they sort and compare
 * as text); lists are JSON text; booleans are 0/1. That keeps every query the same on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export interface ScansTable {
  /** the scan number users name in `cloudwarden diff 3 4` */
  id: Generated<number>;
  /** the command that produced it: `scan aws`, `scan snapshot`, `demo` */
  source: string;
  /** the local user who ran it (`user@host`) */
  started_by: string;
  started_at: string;
  /** when the evidence was collected (the snapshot's collectedAt) */
  collected_at: string;
  /** JSON arrays: the accounts and regions the scan evaluated something in, and the checks and services it ran */
  accounts: string;
  regions: string;
  services: string;
  checks: string;
  /** 1 when collection was interrupted: such a scan records failures but resolves nothing */
  partial: number;
  /** sha256 of the snapshot the results came from */
  snapshot_digest: string;
  result_count: number;
}

/** `open` until a scan resolves it; `verdict` is the last one any scan observed. */
export type FindingState = 'open' | 'resolved';
/** What a scan observed: a result's status, or the resource gone from a complete listing. */
export type ObservedVerdict = 'fail' | 'unknown' | 'accepted' | 'pass' | 'deleted';

export interface FindingsTable {
  /** fingerprint(check id, resource ARN) */
  fingerprint: string;
  check_id: string;
  resource_arn: string;
  resource_type: string;
  account_id: string;
  region: string;
  severity: string;
  title: string;
  state: FindingState;
  verdict: ObservedVerdict;
  message: string;
  first_seen: string;
  /** the last scan that observed it failing, unknown or accepted */
  last_seen: string;
  first_scan: number;
  last_scan: number;
  resolved_at: string | null;
  resolved_scan: number | null;
  /** the resource's tags when collected: JSON object text with sorted keys (`{}` when none) */
  tags: Generated<string>;
}

/** One row per change of verdict (not per scan): the history `cloudwarden history ARN` prints. */
export interface FindingEventsTable {
  fingerprint: string;
  scan_id: number;
  at: string;
  verdict: ObservedVerdict;
  message: string;
}

/**
 * Accepted risks, one row per finding and origin: an accept-file entry (`file:line`) applied by a scan, or one
 * made in the dashboard (`ui`). `revoked_at` ends a UI acceptance; a file acceptance lasts while the file keeps it.
 */
export interface AcceptancesTable {
  fingerprint: string;
  origin: string;
  reason: string;
  accepted_by: string | null;
  /** last day (YYYY-MM-DD, UTC) it applies */
  expires: string | null;
  created_at: string;
  last_applied_at: string;
  revoked_at: string | null;
}

/** Detection alerts; a replayed trail (the same event, the same rule) is stored once. */
export interface AlertsTable {
  event_id: string;
  rule: string;
  priority: string;
  event_time: string;
  event_name: string;
  principal: string;
  resource: string;
  account_id: string;
  region: string;
  output: string;
  stored_at: string;
}

/** Inspector findings by their ARN: the latest state of each, with first and last seen. */
export interface VulnFindingsTable {
  finding_arn: string;
  account_id: string;
  severity: string;
  status: string;
  title: string;
  resource_id: string;
  resource_type: string;
  vulnerability_id: string;
  package: string;
  fixed_in: string;
  first_observed_at: string;
  last_observed_at: string;
  first_stored_at: string;
  last_stored_at: string;
}

/** Every malware verdict ever given, newest per object found by its key. */
export interface MalwareVerdictsTable {
  bucket: string;
  object_key: string;
  version_id: string;
  verdict: string;
  signature: string;
  detail: string;
  scanned_at: string;
}

/**
 * What one scan saw of each check it ran: its results by verdict (passes included, which the findings table never
 * holds), so that the dashboard's compliance tells "no resource of its kind" (a control `--compliance` calls
 * unknown) from "every resource passed".
 */
export interface ScanChecksTable {
  scan_id: number;
  check_id: string;
  passed: number;
  failed: number;
  unknown: number;
  accepted: number;
}

/** The open findings counted by check, severity, account, region and verdict (see summary.ts). */
export interface OpenFindingCountsTable {
  check_id: string;
  severity: string;
  account_id: string;
  region: string;
  verdict: ObservedVerdict;
  n: number;
}

/** Open failures at the end of one scan day, per severity (see summary.ts); a day without failures has no row. */
export interface TrendDaysTable {
  /** YYYY-MM-DD */
  day: string;
  severity: string;
  failing: number;
}

/** One planned run of a `watch` schedule: who claimed it, when it ended and how (`ok`, `partial`, `failed: …`). */
export interface ScheduleRunsTable {
  schedule: string;
  /** the planned time (ISO 8601, UTC) */
  slot: string;
  owner: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
}

/**
 * An organization scan fanned out over SQS (`scan aws --org --queue`): the accounts it expects, so that one can
 * tell when every account is in.
 */
export interface OrgRunsTable {
  run_id: string;
  created_at: string;
  created_by: string;
  queue_url: string;
  role_name: string;
  /** JSON arrays */
  regions: string;
  services: string;
  accounts: string;
  account_count: number;
}

/**
 * One row per account of a run: `working` while a worker holds it (until `lease_until`), then `scanned` (with the
 * scan that stored it) or `failed` (the role could not be assumed). The primary key makes each account count once.
 */
export interface OrgRunAccountsTable {
  run_id: string;
  account_id: string;
  state: 'working' | 'scanned' | 'failed';
  worker: string;
  lease_until: string;
  scan_id: number | null;
  detail: string;
  done_at: string | null;
}

export interface StoreSchema {
  org_runs: OrgRunsTable;
  org_run_accounts: OrgRunAccountsTable;
  scans: ScansTable;
  scan_checks: ScanChecksTable;
  open_finding_counts: OpenFindingCountsTable;
  trend_days: TrendDaysTable;
  findings: FindingsTable;
  finding_events: FindingEventsTable;
  acceptances: AcceptancesTable;
  alerts: AlertsTable;
  vuln_findings: VulnFindingsTable;
  malware_verdicts: MalwareVerdictsTable;
  schedule_runs: ScheduleRunsTable;
}
