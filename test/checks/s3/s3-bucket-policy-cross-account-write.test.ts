import check from '../../../src/checks/s3/s3-bucket-policy-cross-account-write.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID, awsError, hardenedBucket, policy, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (...statements: unknown[]) =>
  snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: policy(...statements) }) });
const grant = (principal: unknown, action: unknown, extra: object = {}) => ({
  Sid: 'Grant',
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
});

testCheck(check, {
  pass: [
    {
      name: 'own account writes',
      snapshot: only(grant({ AWS: ACCOUNT_ID }, 's3:PutObject')),
      message: 'grants nothing to other AWS accounts',
    },
    {
      name: 'another account reads only',
      snapshot: only(grant({ AWS: 'arn:aws:iam::111122223333:root' }, ['s3:GetObject', 's3:GetObjectVersion'])),
      message: 'account 111122223333 may use the bucket, but none may write objects',
    },
    {
      name: 'a service principal writes (S3 server access logging)',
      snapshot: only(
        grant({ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject', {
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
        }),
      ),
      message: 'grants nothing to other AWS accounts',
    },
  ],
  fail: [
    {
      name: 'another account may upload (AWS example: cross-account upload with bucket-owner-full-control)',
      snapshot: only(
        grant({ AWS: '111122223333' }, 's3:PutObject', {
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        }),
      ),
      message: 'statement Grant lets account 111122223333 s3:PutObject',
    },
    {
      name: 'another account may s3:Delete*',
      snapshot: only(grant({ AWS: 'arn:aws:iam::444455556666:role/cleanup' }, 's3:Delete*')),
      message: 'lets account 444455556666 s3:DeleteObject',
    },
    {
      name: 'Principal * restricted to an organization still reaches other accounts',
      snapshot: only(
        grant({ AWS: '*' }, 's3:PutObject', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
      message: 'lets any AWS account s3:PutObject',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on GetBucketPolicy',
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: awsError('AccessDenied') }) }),
      message: 'AccessDenied on s3:GetBucketPolicy',
    },
    {
      name: 'policy not collected',
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: undefined }) }),
      message: 'not collected',
    },
    {
      name: 'malformed policy JSON',
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: { Policy: '{' } }) }),
      message: 'MalformedPolicyJSON',
    },
  ],
});
