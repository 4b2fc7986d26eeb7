import check from '../../../src/checks/s3/s3-bucket-cors-no-wildcard-origin.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const only = (overrides: Parameters<typeof hardenedBucket>[1]) => snapshotWith({ b: hardenedBucket('b', overrides) });
const cors = (origins: string[], methods: string[]) => ({
  CORSRules: [{ AllowedHeaders: ['*'], AllowedMethods: methods, AllowedOrigins: origins, ExposeHeaders: ['ETag'], MaxAgeSeconds: 3000 }],
});

testCheck(check, {
  pass: [
    { name: 'NoSuchCORSConfiguration', snapshot: only({ GetBucketCors: awsError('NoSuchCORSConfiguration') }), message: 'no CORS configuration' },
    {
      name: 'named origins may write',
      snapshot: only({ GetBucketCors: cors(['https://app.example.com', 'https://*.example.com'], ['GET', 'PUT', 'DELETE']) }),
      message: 'https://app.example.com, https://*.example.com',
    },
    { name: '* for GET and HEAD only (public assets), with a note', snapshot: only({ GetBucketCors: cors(['*'], ['GET', 'HEAD']) }), message: 'read only' },
  ],
  fail: [
    { name: '* may PUT and DELETE', snapshot: only({ GetBucketCors: cors(['*'], ['GET', 'PUT', 'DELETE']) }), message: 'every origin (*) to PUT, DELETE' },
    { name: 'https://* is every https page', snapshot: only({ GetBucketCors: cors(['https://*'], ['POST']) }), message: 'POST' },
    {
      name: 'a second rule opens writes to *',
      snapshot: only({
        GetBucketCors: {
          CORSRules: [
            { AllowedMethods: ['GET'], AllowedOrigins: ['*'] },
            { AllowedMethods: ['put'], AllowedOrigins: ['https://app.example.com', '*'] },
          ],
        },
      }),
      message: 'PUT',
    },
  ],
  unknown: [
    { name: 'AccessDenied', snapshot: only({ GetBucketCors: awsError('AccessDenied') }), message: 'AccessDenied on s3:GetBucketCors' },
    { name: 'not collected', snapshot: only({ GetBucketCors: undefined }), message: 'not collected' },
  ],
});
