import { describe, expect, it } from 'vitest';
import { firedRules, fixtureRecord } from '../engine/support.ts';
import { builtinMatcher, byService, cloudTrailRecord, describePack, readOnly } from './pack-cases.ts';

const bucket = 'acme-invoices-2024';

function s3Record(eventName: string, requestParameters: Record<string, unknown>): Record<string, unknown> {
  return cloudTrailRecord(
    's3.amazonaws.com',
    eventName,
    { bucketName: bucket, Host: `${bucket}.s3.amazonaws.com`, ...requestParameters },
    null,
    {
      resources: [{ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
    },
  );
}

const created = s3Record('CreateBucket', {
  CreateBucketConfiguration: { LocationConstraint: 'eu-west-1', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
});
const deleted = s3Record('DeleteBucket', {});
const pabAllOn = fixtureRecord('put-bucket-public-access-block-on');

describePack('s3-changes.yaml', [
  {
    rule: 'S3 Bucket Created',
    fires: created,
    quiet: [
      [readOnly(created, 'HeadBucket'), 'read-only call'],
      [{ ...created, eventSource: 's3-outposts.amazonaws.com' }, "another service's CreateBucket"],
    ],
  },
  { rule: 'S3 Bucket Created', fires: byService(created), quiet: [] },
  { rule: 'S3 Bucket Deleted', fires: deleted, quiet: [[readOnly(deleted, 'ListObjectsV2'), 'read-only call']] },
  {
    rule: 'S3 Bucket Policy Changed',
    fires: fixtureRecord('put-bucket-policy-private'),
    quiet: [
      [fixtureRecord('put-bucket-policy-public'), "a public policy is the CRITICAL rule's"],
      [fixtureRecord('get-bucket-policy'), 'read-only call'],
    ],
  },
  { rule: 'S3 Bucket Policy Changed', fires: fixtureRecord('put-bucket-policy-vpce-only'), quiet: [] },
  {
    rule: 'S3 Bucket Policy Deleted',
    fires: fixtureRecord('delete-bucket-policy'),
    quiet: [[fixtureRecord('get-bucket-policy'), 'read-only call']],
  },
  {
    rule: 'S3 Public Access Block Set',
    fires: pabAllOn,
    quiet: [
      [fixtureRecord('put-bucket-public-access-block-off'), 'a setting off is S3 Public Access Block Disabled'],
      [readOnly(pabAllOn, 'GetBucketPublicAccessBlock'), 'read-only call'],
    ],
  },
]);

// Seed 001 (a Falco rule on CreateBucket and DeleteBucket, and the policy and Block Public Access events of its
// article) works with no rule file: each event raises exactly one built-in alert, at a priority that says how bad it is.
describe('seed 001 with the built-in packs only', () => {
  const events: [string, Record<string, unknown>, string, string][] = [
    ['bucket created', created, 'S3 Bucket Created', 'INFORMATIONAL'],
    ['bucket deleted', deleted, 'S3 Bucket Deleted', 'NOTICE'],
    ['private policy put', fixtureRecord('put-bucket-policy-private'), 'S3 Bucket Policy Changed', 'NOTICE'],
    ['public policy put', fixtureRecord('put-bucket-policy-public'), 'S3 Bucket Policy Made Public', 'CRITICAL'],
    ['policy deleted', fixtureRecord('delete-bucket-policy'), 'S3 Bucket Policy Deleted', 'NOTICE'],
    ['public access block put, all on', pabAllOn, 'S3 Public Access Block Set', 'INFORMATIONAL'],
    [
      'public access block put, one off',
      fixtureRecord('put-bucket-public-access-block-off'),
      'S3 Public Access Block Disabled',
      'WARNING',
    ],
    [
      'public access block deleted',
      fixtureRecord('delete-bucket-public-access-block'),
      'S3 Public Access Block Removed',
      'WARNING',
    ],
  ];
  it.each(events)('%s raises one alert', (_what, record, rule, priority) => {
    const outcome = builtinMatcher.matchRaw(JSON.stringify(record));
    expect(outcome.kind === 'ok' ? outcome.alerts.map((a) => [a.rule, a.priority]) : outcome).toEqual([
      [rule, priority],
    ]);
  });

  it('the same calls refused raise nothing', () => {
    for (const [, record] of events) {
      expect(
        firedRules(
          builtinMatcher,
          JSON.stringify({ ...record, errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
        ),
      ).toEqual([]);
    }
  });
});
