import check from '../../../src/checks/s3/s3-bucket-no-website.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'NoSuchWebsiteConfiguration',
      snapshot: onlyBucket({ GetBucketWebsite: awsError('NoSuchWebsiteConfiguration') }),
      message: 'off',
    },
  ],
  fail: [
    {
      name: 'index and error documents',
      snapshot: onlyBucket({
        GetBucketWebsite: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } },
      }),
      message: 'index document index.html',
    },
    {
      name: 'redirect of every request',
      snapshot: onlyBucket({
        GetBucketWebsite: { RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } },
      }),
      message: 'redirecting every request to www.example.com',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketWebsite: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketWebsite',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketWebsite: undefined }), message: 'not collected' },
  ],
});
