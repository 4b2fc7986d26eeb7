import check from '../../../src/checks/s3/s3-bucket-public-access-block.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const allOn = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const bucketPab = (
  config: unknown,
  account: Parameters<typeof snapshotWith>[1] = awsError('NoSuchPublicAccessBlockConfiguration'),
) => snapshotWith({ b: hardenedBucket('b', { GetPublicAccessBlock: config as never }) }, account);

testCheck(check, {
  pass: [
    {
      name: 'all four on at bucket level, account has none',
      snapshot: bucketPab({ PublicAccessBlockConfiguration: allOn }),
      message: 'all four Block Public Access settings are on for the bucket',
    },
    {
      name: 'all four on at bucket level, account setting unreadable',
      snapshot: bucketPab({ PublicAccessBlockConfiguration: allOn }, awsError('AccessDenied')),
      message: 'on for the bucket',
    },
    {
      name: 'bucket has none, account covers all four',
      snapshot: bucketPab(awsError('NoSuchPublicAccessBlockConfiguration'), { PublicAccessBlockConfiguration: allOn }),
      message:
        'BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets only through the account-level setting',
    },
    {
      name: 'bucket covers ACL settings, account covers policy settings',
      snapshot: bucketPab(
        { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } },
        { PublicAccessBlockConfiguration: { BlockPublicPolicy: true, RestrictPublicBuckets: true } },
      ),
      message: 'BlockPublicPolicy, RestrictPublicBuckets only through the account-level setting',
    },
  ],
  fail: [
    {
      name: 'no configuration at either level',
      snapshot: bucketPab(awsError('NoSuchPublicAccessBlockConfiguration')),
      message:
        'not blocked at bucket or account level: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets (the bucket has no Public Access Block configuration)',
    },
    {
      name: 'two flags off at the bucket, account covers one of them',
      snapshot: bucketPab(
        {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: false,
            RestrictPublicBuckets: false,
          },
        },
        { PublicAccessBlockConfiguration: { BlockPublicPolicy: true } },
      ),
      message:
        'not blocked at bucket or account level: RestrictPublicBuckets (on at account level only: BlockPublicPolicy)',
    },
    {
      name: 'account configuration present with every flag off (AWS omits false flags)',
      snapshot: bucketPab(
        { PublicAccessBlockConfiguration: { BlockPublicAcls: true } },
        { PublicAccessBlockConfiguration: {} },
      ),
      message: 'IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on the bucket setting',
      snapshot: bucketPab(awsError('AccessDenied')),
      message: 'AccessDenied on s3:GetPublicAccessBlock',
    },
    {
      name: 'bucket setting not collected',
      snapshot: snapshotWith({ b: hardenedBucket('b', { GetPublicAccessBlock: undefined }) }),
      message: 's3:GetPublicAccessBlock was not collected',
    },
    {
      name: 'bucket flags off and the account setting AccessDenied',
      snapshot: bucketPab(
        { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } },
        awsError('AccessDenied'),
      ),
      message: 'AccessDenied on s3control:GetPublicAccessBlock',
    },
  ],
});
