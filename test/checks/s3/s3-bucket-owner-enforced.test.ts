import check from '../../../src/checks/s3/s3-bucket-owner-enforced.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

const ownership = (value: string) => ({ OwnershipControls: { Rules: [{ ObjectOwnership: value }] } });

testCheck(check, {
  pass: [
    {
      name: 'BucketOwnerEnforced',
      snapshot: onlyBucket({ GetBucketOwnershipControls: ownership('BucketOwnerEnforced') }),
      message: 'ACLs are disabled',
    },
  ],
  fail: [
    {
      name: 'BucketOwnerPreferred',
      snapshot: onlyBucket({ GetBucketOwnershipControls: ownership('BucketOwnerPreferred') }),
      message: 'BucketOwnerPreferred',
    },
    {
      name: 'ObjectWriter',
      snapshot: onlyBucket({ GetBucketOwnershipControls: ownership('ObjectWriter') }),
      message: 'ObjectWriter',
    },
    {
      name: 'no ownership controls',
      snapshot: onlyBucket({ GetBucketOwnershipControls: awsError('OwnershipControlsNotFoundError') }),
      message: 'OwnershipControlsNotFoundError',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketOwnershipControls: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketOwnershipControls',
    },
    {
      name: 'not collected',
      snapshot: onlyBucket({ GetBucketOwnershipControls: undefined }),
      message: 'not collected',
    },
  ],
});
