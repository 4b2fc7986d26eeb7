/**
 * The notices of what a recorded scan changed, as watch sends them: a finding whose resource a rescan or a complete
 * scheduled scan found gone is resolved as `deleted` in the store and announced as `finding-resolved`, told from
 * the stored finding (no result of the scan names a gone resource). On both engines.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/findings/result.ts';
import { recordScan, type ScanRecord } from '../../src/store/posture.ts';
import { changeNotices } from '../../src/watch/finding-notices.ts';
import { ACCOUNT, result, scan } from '../store/builders.ts';
import { dropTestDatabases, ENGINES, freshStore } from '../store/engines.ts';

afterAll(dropTestDatabases);

const LOGS = 'arn:aws:s3:::logs';

interface Case {
  name: string;
  /** the second scan, after s3-a failed and s3-b was unknown on bucket `logs` */
  then: () => ScanRecord;
  notices: { kind: string; title: string; text: string; resource: string; json: Record<string, unknown> }[];
  /** the first notice's tags: a gone resource's stored tags travel with it (routing by tag still works) */
  tags: string[];
}

const deleted = (check: string, status: string, why: string) => ({
  kind: 'finding-resolved',
  title: `Resolved (resource deleted): ${check} title`,
  text: `resource deleted: ${why}`,
  resource: LOGS,
  json: expect.objectContaining({ checkId: check, status, resolution: 'deleted', accountId: ACCOUNT }) as Record<
    string,
    unknown
  >,
});

const CASES: Case[] = [
  {
    name: 'a rescan that found the bucket gone',
    then: () => ({
      ...scan([], { checks: ['s3-a', 's3-b'] }),
      source: 'watch rescan',
      resources: [LOGS],
      absent: [LOGS],
    }),
    notices: [
      deleted('s3-a', 'fail', 'absent from the listing of a rescan'),
      deleted('s3-b', 'unknown', 'absent from the listing of a rescan'),
    ],
    tags: ['team=data'],
  },
  {
    name: 'a complete scheduled scan that no longer lists the bucket',
    then: () => ({
      ...scan([result('s3-a', 'other', 'pass'), result('s3-b', 'other', 'pass')]),
      source: 'watch schedule nightly',
    }),
    notices: [
      deleted('s3-a', 'fail', 'absent from a complete listing'),
      deleted('s3-b', 'unknown', 'absent from a complete listing'),
    ],
    tags: ['team=data'],
  },
  {
    name: 'a rescan where the bucket passes now (resolved by a pass, told from the result)',
    then: () => ({ ...scan([result('s3-a', 'logs', 'pass'), result('s3-b', 'logs', 'pass')]), source: 'watch rescan' }),
    notices: ['s3-a', 's3-b'].map((check) => ({
      kind: 'finding-resolved',
      title: `Resolved: ${check} title`,
      text: `${check} on logs: pass`,
      resource: LOGS,
      json: expect.objectContaining({ checkId: check, status: 'pass', resolution: 'pass' }) as Record<string, unknown>,
    })),
    tags: [],
  },
];

describe.each(ENGINES)('finding notices on $engine', (engine) => {
  it.each(CASES)('$name', async ({ then, notices, tags }) => {
    const store = await freshStore(engine);
    try {
      const first: Result[] = [
        { ...result('s3-a', 'logs', 'fail'), tags: { team: 'data' } },
        result('s3-b', 'logs', 'unknown', { reason: 'AccessDenied on s3:GetBucketPolicy' }),
      ];
      await recordScan(store, scan(first));
      const second = then();
      const summary = await recordScan(store, second);
      const sent = changeNotices(summary, second.results, second.collectedAt);
      expect(
        sent.map((n) => ({ kind: n.kind, title: n.title, text: n.text, resource: n.resource, json: n.json })),
      ).toEqual(notices);
      expect(sent[0]?.tags).toEqual(tags);
      const rows = await store.db.selectFrom('findings').select(['state']).execute();
      expect(rows.every((r) => r.state === 'resolved')).toBe(true);
    } finally {
      await store.db.destroy();
    }
  });
});
