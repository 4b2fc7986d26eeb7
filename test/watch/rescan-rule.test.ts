import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/detect/engine/index.ts';
import { rescanRequest } from '../../src/watch/rescan-rule.ts';
import { rescanAlertsFor } from './support/rescan-matcher.ts';

const alertsFor = (record: Record<string, unknown>): Alert[] =>
  rescanAlertsFor({ eventSource: 's3.amazonaws.com', ...record });

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
