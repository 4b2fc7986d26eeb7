import type { Result, Status } from '../../src/findings/result.ts';
import type { ScanRecord } from '../../src/store/posture.ts';

export const ACCOUNT = '111122223333';

/** One result of `check` on the bucket `name` (region eu-west-1 unless given). */
export function result(
  checkId: string,
  name: string,
  status: Status,
  extra: { region?: string; account?: string; reason?: string } = {},
): Result {
  const r: Result = {
    checkId,
    aliases: [],
    title: `${checkId} title`,
    severity: 'high',
    status,
    resource: { arn: `arn:aws:s3:::${name}`, type: 'AwsS3Bucket', region: extra.region ?? 'eu-west-1' },
    accountId: extra.account ?? ACCOUNT,
    message: `${checkId} on ${name}: ${status}`,
    references: [],
  };
  if (extra.reason) r.reason = extra.reason;
  return r;
}

/** A gap: the listing in `region` failed, so whatever it would have listed is unknown. */
export function gap(checkId: string, region = 'eu-west-1'): Result {
  return {
    ...result(checkId, '*', 'unknown', { region, reason: 'AccessDenied on s3:ListBuckets' }),
    resource: { arn: 'arn:aws:s3:::*', type: 'AwsS3Bucket', region },
  };
}

let clock = Date.parse('2026-11-01T00:00:00Z');

/** A complete scan running `checks` (default: every check the results name), one day after the previous one. */
export function scan(results: Result[], options: { checks?: string[]; partial?: boolean } = {}): ScanRecord {
  clock += 86_400_000;
  const at = new Date(clock).toISOString();
  return {
    source: 'scan snapshot',
    startedBy: 'tester@ci',
    startedAt: at,
    collectedAt: at,
    partial: options.partial ?? false,
    snapshotDigest: 'sha256:test',
    services: ['s3'],
    checks: options.checks ?? [...new Set(results.map((r) => r.checkId))],
    results,
  };
}
