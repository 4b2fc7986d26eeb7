import check from '../../../src/checks/s3/s3-account-public-access-block.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  awsError,
  hardenedBucket,
  snapshotWith,
  withoutAccountPublicAccessBlock,
} from '../../support/snapshot-builders.ts';

const account = (config: Parameters<typeof snapshotWith>[1]) => snapshotWith({ b: hardenedBucket('b') }, config);

testCheck(check, {
  pass: [
    {
      name: 'all four settings on',
      snapshot: account({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
      message: 'all four',
    },
  ],
  fail: [
    {
      name: 'no configuration (NoSuchPublicAccessBlockConfiguration)',
      snapshot: account(awsError('NoSuchPublicAccessBlockConfiguration')),
      message: 'no Public Access Block configuration',
    },
    {
      name: 'two settings off (AWS omits false flags)',
      snapshot: account({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } }),
      message: 'off at account level: BlockPublicPolicy, RestrictPublicBuckets',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on s3control:GetPublicAccessBlock',
      snapshot: account(awsError('AccessDenied')),
      message: 'AccessDenied on s3control:GetPublicAccessBlock',
    },
    {
      name: 'not collected',
      snapshot: withoutAccountPublicAccessBlock(snapshotWith({ b: hardenedBucket('b') })),
      message: 's3control:GetPublicAccessBlock was not collected',
    },
  ],
});
