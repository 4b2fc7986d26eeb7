import check from '../../../src/checks/s3/s3-bucket-policy-public-write.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, policy, snapshotWith } from '../../support/snapshot-builders.ts';

/** GetBucketPolicyStatus not collected: the analysis alone decides. */
const only = (...statements: unknown[]) =>
  snapshotWith({
    b: hardenedBucket('b', { GetBucketPolicy: policy(...statements), GetBucketPolicyStatus: undefined }),
  });
const anyone = (action: unknown, extra: object = {}) => ({
  Sid: 'Anyone',
  Effect: 'Allow',
  Principal: '*',
  Action: action,
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
});

testCheck(check, {
  pass: [
    {
      name: 'no public statement',
      snapshot: only({
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::b/*',
      }),
      message: 'not public',
    },
    {
      name: 'public read only (website)',
      snapshot: only(anyone('s3:GetObject')),
      message: 'public statements (Anyone) allow no write',
    },
    {
      name: 'AWS says the policy is not public: AWS decides, the message says the analysis disagrees',
      snapshot: snapshotWith({
        b: hardenedBucket('b', {
          GetBucketPolicy: policy(anyone('s3:PutObject')),
          GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } },
        }),
      }),
      message:
        "GetBucketPolicyStatus says IsPublic=false, so AWS does not treat the policy as public; cloudwarden's analysis disagrees for Anyone",
    },
    {
      name: 'public write restricted to a VPC',
      snapshot: only(anyone('s3:PutObject', { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } })),
      message: 'not public',
    },
  ],
  fail: [
    {
      name: 'anyone may PutObject',
      snapshot: only(anyone('s3:PutObject')),
      message: 'anyone may write: statement Anyone allows Principal "*" s3:PutObject with no condition',
    },
    { name: 'anyone may s3:*', snapshot: only(anyone('s3:*')), message: 's3:*' },
    {
      name: 'NotPrincipal with Allow and s3:DeleteObject',
      snapshot: only({
        Sid: 'AllBut',
        Effect: 'Allow',
        NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 's3:DeleteObject',
        Resource: 'arn:aws:s3:::b/*',
      }),
      message: 'statement AllBut allows NotPrincipal',
    },
    {
      name: 'blocked for now by RestrictPublicBuckets, still reported',
      snapshot: snapshotWith({
        b: hardenedBucket('b', {
          GetBucketPolicy: policy(anyone('s3:PutObject')),
          GetBucketPolicyStatus: { PolicyStatus: { IsPublic: true } },
          GetPublicAccessBlock: { PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } },
        }),
      }),
      message: 'RestrictPublicBuckets is on at bucket and account level, which blocks this until it is turned off',
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
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetBucketPolicy: { Policy: '[1,' } }) }),
      message: 'MalformedPolicyJSON',
    },
  ],
});
