import check from '../../../src/checks/s3/s3-bucket-owner-enforced.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });
const ownership = (value: string) => ({ OwnershipControls: { Rules: [{ ObjectOwnership: value }] } });

testCheck(check, {
  pass: [{ name: 'BucketOwnerEnforced', snapshot: only({ GetBucketOwnershipControls: ownership('BucketOwnerEnforced') }), message: 'ACLs are disabled' }],
  fail: [
    { name: 'BucketOwnerPreferred', snapshot: only({ GetBucketOwnershipControls: ownership('BucketOwnerPreferred') }), message: 'BucketOwnerPreferred' },
    { name: 'ObjectWriter', snapshot: only({ GetBucketOwnershipControls: ownership('ObjectWriter') }), message: 'ObjectWriter' },
    {
      name: 'no ownership controls',
      snapshot: only({ GetBucketOwnershipControls: awsError('OwnershipControlsNotFoundError') }),
      message: 'OwnershipControlsNotFoundError',
    },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketOwnershipControls: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketOwnershipControls' },
    { name: 'not collected', snapshot: only({ GetBucketOwnershipControls: undefined }), message: 'not collected' },
  ],
});
