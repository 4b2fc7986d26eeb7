import { fingerprint } from '../findings/fingerprint.ts';
import type { Result } from '../findings/result.ts';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../findings/severity.ts';
import { filledRemediation } from './remediation-values.ts';
import type { FormatOptions, ScanReport } from './scan-report.ts';

/**
 * The data model shared by the Markdown, HTML and template formats (documented in docs/reports.md).
 * Every field is always present (`null` when there is no value) so that templates compiled in
 * strict mode catch misspelt names instead of printing nothing.
 */
export interface Totals {
  /** failures per severity */
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  failed: number;
  passed: number;
  unknown: number;
  accepted: number;
  results: number;
}

export interface ResultView {
  checkId: string;
  aliases: string[];
  title: string;
  severity: Severity;
  /** `CRITICAL`, `HIGH`… as trivy prints it */
  severityLabel: string;
  status: Result['status'];
  /** `FAIL`, `UNKNOWN`, `ACCEPTED`, `PASS`: the word printed beside the title (which states the goal, not the outcome) */
  statusLabel: string;
  /**
   * What a reader needs first: the failure message for fails, why it could not be decided for unknowns, the
   * message for the others
   */
  headline: string;
  message: string;
  reason: string | null;
  /** the most specific documentation link */
  reference: string | null;
  references: string[];
  /** how to fix it, with this resource's name, ARN, region and account in place of the placeholders */
  remediation: { terraform: string; cli: string; console: string } | null;
  acceptance: {
    reason: string;
    acceptedBy: string | null;
    expires: string | null;
    source: string;
    originalStatus: string;
  } | null;
  fingerprint: string;
}

export interface ResourceView {
  arn: string;
  /** the last part of the ARN: the bucket name for buckets */
  name: string;
  type: string;
  region: string;
  accountId: string;
  tags: { key: string; value: string }[];
  totals: Totals;
  results: ResultView[];
}

export interface ReportModel {
  tool: { name: string; version: string };
  account: { id: string };
  /** notCollected: services whose checks did not run because the evidence holds nothing for them */
  scan: { generatedAt: string; collectedAt: string; partial: boolean; notCollected: string[] };
  totals: Totals;
  resources: ResourceView[];
  results: (ResultView & { resource: { arn: string; name: string; type: string; region: string } })[];
}

export function emptyTotals(): Totals {
  return {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    failed: 0,
    passed: 0,
    unknown: 0,
    accepted: 0,
    results: 0,
  };
}

export function addToTotals(totals: Totals, result: Pick<Result, 'status' | 'severity'>): void {
  totals.results += 1;
  if (result.status === 'fail') {
    totals.failed += 1;
    totals[result.severity] += 1;
  } else if (result.status === 'pass') totals.passed += 1;
  else if (result.status === 'unknown') totals.unknown += 1;
  else totals.accepted += 1;
}

/** `arn:aws:s3:::my-bucket` → `my-bucket`; `arn:aws:iam::123:root` → `root`. */
export function resourceName(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 ? parts.slice(5).join(':') || arn : arn;
}

const STATUS_ORDER: Record<Result['status'], number> = { fail: 0, unknown: 1, accepted: 2, pass: 3 };

/** Worst first: failures by severity, then unknown, accepted, passed; ties by check id. */
export function compareResults(a: Result, b: Result): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.checkId.localeCompare(b.checkId)
  );
}

function view(result: Result): ResultView {
  const a = result.acceptance;
  return {
    checkId: result.checkId,
    aliases: [...result.aliases],
    title: result.title,
    severity: result.severity,
    severityLabel: result.severity.toUpperCase(),
    status: result.status,
    statusLabel: result.status.toUpperCase(),
    headline: result.status === 'unknown' ? (result.reason ?? result.message) : result.message,
    message: result.message,
    reason: result.reason ?? null,
    reference: result.references[0] ?? null,
    references: [...result.references],
    remediation: filledRemediation(result) ?? null,
    acceptance: a
      ? {
          reason: a.reason,
          acceptedBy: a.acceptedBy ?? null,
          expires: a.expires ?? null,
          source: a.source,
          originalStatus: a.originalStatus,
        }
      : null,
    fingerprint: fingerprint(result.checkId, result.resource.arn),
  };
}

export function buildReportModel(report: ScanReport, options: Pick<FormatOptions, 'toolVersion'>): ReportModel {
  const totals = emptyTotals();
  const byArn = new Map<string, ResourceView>();
  const sorted = [...report.results].sort(
    (a, b) => a.resource.arn.localeCompare(b.resource.arn) || compareResults(a, b),
  );
  for (const result of sorted) {
    addToTotals(totals, result);
    let resource = byArn.get(result.resource.arn);
    if (!resource) {
      resource = {
        arn: result.resource.arn,
        name: resourceName(result.resource.arn),
        type: result.resource.type,
        region: result.resource.region,
        accountId: result.accountId,
        tags: Object.entries(result.tags ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => ({ key, value })),
        totals: emptyTotals(),
        results: [],
      };
      byArn.set(result.resource.arn, resource);
    }
    addToTotals(resource.totals, result);
    resource.results.push(view(result));
  }
  const resources = [...byArn.values()];
  return {
    tool: { name: 'cloudwarden', version: options.toolVersion ?? 'unknown' },
    account: { id: report.accountId },
    scan: {
      generatedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      partial: report.partial,
      notCollected: [...(report.notCollected ?? [])],
    },
    totals,
    resources,
    results: resources.flatMap((r) =>
      r.results.map((res) => ({ ...res, resource: { arn: r.arn, name: r.name, type: r.type, region: r.region } })),
    ),
  };
}

/** Severities from worst to least, for columns. */
export const SEVERITY_COLUMNS: readonly Severity[] = SEVERITIES;
