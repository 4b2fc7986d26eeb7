/**
 * Honest resolution, one row per rule, on both engines: a finding is resolved only by a `pass` of the same check
 * on the same resource, or as `deleted` when a complete scan that looked where it lives no longer lists it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/findings/result.ts';
import { recordScan } from '../../src/store/posture.ts';
import { listFindings, type FindingStatus } from '../../src/store/queries.ts';
import type { ObservedVerdict } from '../../src/store/schema.ts';
import { gap, result, scan } from './builders.ts';
import { dropTestDatabases, ENGINES, freshStore } from './engines.ts';

interface Case {
  name: string;
  /** the first scan: s3-a fails on bucket `logs` */
  then: { results: Result[]; checks?: string[]; partial?: boolean };
  status: FindingStatus;
  verdict: ObservedVerdict;
}

const FAIL = result('s3-a', 'logs', 'fail');

const CASES: Case[] = [
  {
    name: 'fail then fail stays open',
    then: { results: [result('s3-a', 'logs', 'fail')] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'fail then pass resolves',
    then: { results: [result('s3-a', 'logs', 'pass')] },
    status: 'resolved',
    verdict: 'pass',
  },
  {
    name: 'fail then unknown (access denied) stays open',
    then: { results: [result('s3-a', 'logs', 'unknown', { reason: 'AccessDenied on s3:GetBucketPolicy' })] },
    status: 'open',
    verdict: 'unknown',
  },
  {
    name: 'fail then resource deleted (absent from a complete listing) resolves as deleted',
    then: { results: [result('s3-a', 'other-bucket', 'pass')] },
    status: 'resolved',
    verdict: 'deleted',
  },
  {
    name: 'a partial scan with a pass resolves nothing',
    then: { results: [result('s3-a', 'logs', 'pass')], partial: true },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a partial scan without the resource resolves nothing',
    then: { results: [result('s3-a', 'other-bucket', 'pass')], partial: true },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a scan that did not run the check resolves nothing',
    then: { results: [result('s3-b', 'other-bucket', 'pass')] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a scan of another region resolves nothing',
    then: { results: [result('s3-a', 'other-bucket', 'pass', { region: 'us-east-1' })] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a scan of another account resolves nothing',
    then: { results: [result('s3-a', 'other-bucket', 'pass', { account: '444455556666' })] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a failed listing (gap) that could hide the resource resolves nothing',
    then: { results: [result('s3-a', 'other-bucket', 'pass'), gap('s3-a')] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'the resource still listed but the check silent about it resolves nothing',
    then: { results: [result('s3-b', 'logs', 'pass')], checks: ['s3-a', 's3-b'] },
    status: 'open',
    verdict: 'fail',
  },
  {
    name: 'a scan with no results that ran the check but looked nowhere resolves nothing',
    then: { results: [], checks: ['s3-a'] },
    status: 'open',
    verdict: 'fail',
  },
];

afterAll(dropTestDatabases);

describe.each(ENGINES)('resolution rules on $engine', (engine) => {
  it.each(CASES)('$name', async ({ then, status, verdict }) => {
    const store = await freshStore(engine);
    try {
      await recordScan(store, scan([FAIL]));
      await recordScan(store, scan(then.results, { checks: then.checks, partial: then.partial }));
      const [finding, ...others] = await listFindings(store, {
        today: '2026-12-01',
        checks: ['s3-a'],
        resourceArn: FAIL.resource.arn,
      });
      expect(others).toEqual([]);
      expect({ status: finding?.status, verdict: finding?.verdict }).toEqual({ status, verdict });
    } finally {
      await store.db.destroy();
    }
  });

  it('a resolved finding that fails again is open again, keeping when it was first seen', async () => {
    const store = await freshStore(engine);
    try {
      const first = scan([FAIL]);
      await recordScan(store, first);
      await recordScan(store, scan([result('s3-a', 'logs', 'pass')]));
      const again = scan([FAIL]);
      const summary = await recordScan(store, again);
      expect(summary).toMatchObject({ created: 0, stillOpen: 1 });
      const [finding] = await listFindings(store, { today: '2026-12-01' });
      expect(finding).toMatchObject({
        status: 'open',
        firstSeen: first.startedAt,
        lastSeen: again.startedAt,
        resolvedAt: null,
      });
    } finally {
      await store.db.destroy();
    }
  });

  it('a pass for a resource never seen failing creates nothing', async () => {
    const store = await freshStore(engine);
    try {
      const summary = await recordScan(store, scan([result('s3-a', 'logs', 'pass')]));
      expect(summary).toMatchObject({ created: 0, resolved: 0, deleted: 0 });
      expect(await listFindings(store, { today: '2026-12-01' })).toEqual([]);
    } finally {
      await store.db.destroy();
    }
  });
});
