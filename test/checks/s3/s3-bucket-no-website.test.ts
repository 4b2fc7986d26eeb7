import check from '../../../src/checks/s3/s3-bucket-no-website.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });

testCheck(check, {
  pass: [{ name: 'NoSuchWebsiteConfiguration', snapshot: only({ GetBucketWebsite: awsError('NoSuchWebsiteConfiguration') }), message: 'off' }],
  fail: [
    {
      name: 'index and error documents',
      snapshot: only({ GetBucketWebsite: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }),
      message: 'index document index.html',
    },
    {
      name: 'redirect of every request',
      snapshot: only({ GetBucketWebsite: { RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } } }),
      message: 'redirecting every request to www.example.com',
    },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketWebsite: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketWebsite' },
    { name: 'not collected', snapshot: only({ GetBucketWebsite: undefined }), message: 'not collected' },
  ],
});
