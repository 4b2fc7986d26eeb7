import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { compileMatcher, loadRulesFromSources, type Alert } from '../../src/detect/engine/index.ts';
import { rescanRequest, rescanRuleSource } from '../../src/watch/rescan-rule.ts';

const matcher = compileMatcher(loadRulesFromSources([rescanRuleSource(CHECKS)!]));

function alertsFor(record: Record<string, unknown>): Alert[] {
  const outcome = matcher.matchRaw(
    JSON.stringify({
      eventVersion: '1.08',
      eventTime: '2026-11-02T10:00:00Z',
      eventSource: 's3.amazonaws.com',
      awsRegion: 'eu-west-1',
      eventID: 'e-1',
      recipientAccountId: '111122223333',
      ...record,
    }),
  );
  return outcome.kind === 'ok' ? outcome.alerts : [];
}

describe('the rescan rule built from the bucket checks’ triggers', () => {
  it('asks for a rescan of the bucket a successful trigger call names', () => {
    const [alert] = alertsFor({ eventName: 'PutBucketPolicy', requestParameters: { bucketName: 'logs' } });
    expect(rescanRequest(alert!)).toEqual({
      bucket: 'logs',
      account: '111122223333',
      event: 'PutBucketPolicy',
      eventTime: '2026-11-02T10:00:00Z',
    });
  });

  it.each([
    [
      'a failed call (it changed nothing)',
      { eventName: 'PutBucketPolicy', errorCode: 'AccessDenied', requestParameters: { bucketName: 'logs' } },
    ],
    [
      'a call no bucket check is triggered by',
      { eventName: 'GetBucketPolicy', requestParameters: { bucketName: 'logs' } },
    ],
    ['a trigger call without a bucket name', { eventName: 'PutBucketPolicy', requestParameters: {} }],
  ])('ignores %s', (_what, record) => {
    expect(alertsFor(record)).toEqual([]);
  });

  it('an ordinary alert is no rescan request', () => {
    const [alert] = alertsFor({ eventName: 'PutBucketAcl', requestParameters: { bucketName: 'b' } });
    expect(rescanRequest({ ...alert!, rule: 'S3 Bucket ACL Changed' })).toBeUndefined();
  });
});
