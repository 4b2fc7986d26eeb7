import check from '../../../src/checks/s3/s3-bucket-policy-cross-account.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  ACCOUNT_ID,
  awsError,
  denyInsecureTransportStatement,
  hardenedBucket,
  policy,
  snapshotWith,
} from '../../support/snapshot-builders.ts';

const only = (...statements: unknown[]) =>
  snapshotWith({
    b: hardenedBucket('b', { GetBucketPolicy: policy(denyInsecureTransportStatement('b'), ...statements) }),
  });
const grant = (principal: unknown, action: unknown, extra: object = {}) => ({
  Sid: 'Grant',
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
  ...extra,
});

testCheck(check, {
  pass: [
    { name: 'no statement for another account', snapshot: only(), message: 'grants nothing to other AWS accounts' },
    {
      name: 'the owner account may do everything',
      snapshot: only(grant({ AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, 's3:*')),
      message: 'grants nothing to other AWS accounts',
    },
    {
      name: 'another account may only read',
      snapshot: only(grant({ AWS: 'arn:aws:iam::111122223333:role/reader' }, ['s3:GetObject', 's3:ListBucket'])),
      message: 'account 111122223333 may use the bucket, but none may change its policy, ACLs or encryption',
    },
    {
      name: 'a service principal with s3:PutObject is not another account',
      snapshot: only(grant({ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject')),
      message: 'grants nothing to other AWS accounts',
    },
  ],
  fail: [
    {
      name: 'another account gets s3:*',
      snapshot: only(grant({ AWS: '111122223333' }, 's3:*')),
      message:
        'statement Grant lets account 111122223333 s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl',
    },
    {
      name: 'another account gets s3:PutBucketPolicy by name',
      snapshot: only(
        grant({ AWS: ['arn:aws:iam::444455556666:user/ops', `arn:aws:iam::${ACCOUNT_ID}:root`] }, 's3:PutBucketPolicy'),
      ),
      message: 'statement Grant lets account 444455556666 s3:PutBucketPolicy',
    },
    {
      name: 'Principal * with s3:Put* counts as every account',
      snapshot: only(grant('*', 's3:Put*', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } })),
      message:
        'lets any AWS account s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl',
    },
    {
      name: 'NotAction that leaves PutObjectAcl allowed',
      snapshot: only({ ...grant({ AWS: '111122223333' }, undefined), Action: undefined, NotAction: 's3:Delete*' }),
      message: 's3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl',
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
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: { Policy: 'not json' } }) }),
      message: 'MalformedPolicyJSON',
    },
    {
      name: 'an unreadable statement',
      snapshot: only({ Sid: 'Odd', Effect: 'Allow', Principal: { AWS: [{}] }, Action: 's3:*' }),
      message: 'statement Odd has an unreadable Principal',
    },
  ],
});
