/**
 * A store for the dashboard tests: the demo account scanned twice (a day apart, one bucket fixed in between), and
 * one record of every other kind with hostile text (markup, quotes, a script) where an attacker controls the value:
 * a bucket name and tag, an alert's principal and output, an object key, a vulnerability title.
 */
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { scanSnapshot } from '../../src/checks/scan.ts';
import { readSnapshot } from '../../src/model/snapshot.ts';
import type { Result } from '../../src/findings/result.ts';
import type { StoreDb } from '../../src/store/open.ts';
import { recordScan } from '../../src/store/posture.ts';

export const HOSTILE = `<img src=x onerror="window.__pwned=1">"'\`<script>window.__pwned=2</script>`;
export const HOSTILE_ARN = `arn:aws:s3:::evil-${HOSTILE}`;
export const ACCOUNT = '123456789012';
export const DAY1 = '2026-11-20T08:00:00.000Z';
export const DAY2 = '2026-11-21T08:00:00.000Z';
/** the clock the server runs with in the tests */
export const NOW = new Date('2026-11-22T12:00:00.000Z');

function hostileResult(status: Result['status']): Result {
  return {
    checkId: 's3-bucket-logging-enabled',
    aliases: [],
    title: 'S3 bucket server access logging is enabled',
    severity: 'critical',
    status,
    resource: { arn: HOSTILE_ARN, type: 'AwsS3Bucket', region: 'eu-west-1' },
    accountId: ACCOUNT,
    message: `logging is off on ${HOSTILE}`,
    references: [],
    tags: { env: 'prod', owner: HOSTILE },
    remediation: { cli: 'aws s3api put-bucket-logging --bucket BUCKET_NAME', terraform: '', console: '' },
  };
}

async function demoResults(): Promise<Result[]> {
  const snapshot = await readSnapshot(fileURLToPath(new URL('../../examples/demo-account.json', import.meta.url)));
  return scanSnapshot(snapshot, CHECKS, {}).results;
}

export async function seedStore(store: StoreDb): Promise<void> {
  const results = await demoResults();
  const checks = [...new Set(results.map((r) => r.checkId))];
  const base = { startedBy: 'tester@ci', partial: false, snapshotDigest: 'sha256:test', services: ['s3'], checks };
  await recordScan(store, {
    ...base,
    source: 'demo',
    startedAt: DAY1,
    collectedAt: DAY1,
    results: [...results, hostileResult('fail')],
  });
  // a day later the hostile bucket and one demo failure pass: two resolved this week
  const fixed = results.find((r) => r.status === 'fail' && r.severity === 'high')!;
  const day2 = results.map((r) => (r === fixed ? { ...r, status: 'pass' as const } : r));
  await recordScan(store, {
    ...base,
    source: 'demo',
    startedAt: DAY2,
    collectedAt: DAY2,
    results: [...day2, hostileResult('fail')],
  });
  await store.db
    .insertInto('alerts')
    .values({
      event_id: 'ev-1',
      rule: 'Public bucket policy',
      priority: 'CRITICAL',
      event_time: DAY2,
      event_name: 'PutBucketPolicy',
      principal: `arn:aws:iam::${ACCOUNT}:user/${HOSTILE}`,
      resource: HOSTILE_ARN,
      account_id: ACCOUNT,
      region: 'eu-west-1',
      output: `policy made public by ${HOSTILE}`,
      stored_at: DAY2,
    })
    .execute();
  await store.db
    .insertInto('vuln_findings')
    .values({
      finding_arn: `arn:aws:inspector2:eu-west-1:${ACCOUNT}:finding/abc`,
      account_id: ACCOUNT,
      severity: 'HIGH',
      status: 'ACTIVE',
      title: `CVE-2023-44487 ${HOSTILE}`,
      resource_id: 'i-0123456789abcdef0',
      resource_type: 'AWS_EC2_INSTANCE',
      vulnerability_id: 'CVE-2023-44487',
      package: 'nghttp2 1.40.0',
      fixed_in: '1.57.0',
      first_observed_at: DAY1,
      last_observed_at: DAY2,
      first_stored_at: DAY1,
      last_stored_at: DAY2,
    })
    .execute();
  await store.db
    .insertInto('malware_verdicts')
    .values({
      bucket: 'demo-uploads',
      object_key: `invoices/${HOSTILE}.pdf`,
      version_id: '',
      verdict: 'infected',
      signature: 'Eicar-Test-Signature',
      detail: '',
      scanned_at: DAY2,
    })
    .execute();
}
