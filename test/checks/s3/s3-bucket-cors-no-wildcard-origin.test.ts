import check from '../../../src/checks/s3/s3-bucket-cors-no-wildcard-origin.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, onlyBucket } from '../../support/snapshot-builders.ts';

const cors = (origins: string[], methods: string[]) => ({
  CORSRules: [
    {
      AllowedHeaders: ['*'],
      AllowedMethods: methods,
      AllowedOrigins: origins,
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 3000,
    },
  ],
});

testCheck(check, {
  pass: [
    {
      name: 'NoSuchCORSConfiguration',
      snapshot: onlyBucket({ GetBucketCors: awsError('NoSuchCORSConfiguration') }),
      message: 'no CORS configuration',
    },
    {
      name: 'named origins may write',
      snapshot: onlyBucket({
        GetBucketCors: cors(['https://app.example.com', 'https://*.example.com'], ['GET', 'PUT', 'DELETE']),
      }),
      message: 'https://app.example.com, https://*.example.com',
    },
    {
      name: '* for GET and HEAD only (public assets), with a note',
      snapshot: onlyBucket({ GetBucketCors: cors(['*'], ['GET', 'HEAD']) }),
      message: 'read only',
    },
  ],
  fail: [
    {
      name: '* may PUT and DELETE',
      snapshot: onlyBucket({ GetBucketCors: cors(['*'], ['GET', 'PUT', 'DELETE']) }),
      message: 'every origin (*) to PUT, DELETE',
    },
    {
      name: 'https://* is every https page',
      snapshot: onlyBucket({ GetBucketCors: cors(['https://*'], ['POST']) }),
      message: 'POST',
    },
    {
      name: 'a second rule opens writes to *',
      snapshot: onlyBucket({
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
    {
      name: 'AccessDenied',
      snapshot: onlyBucket({ GetBucketCors: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketCors',
    },
    { name: 'not collected', snapshot: onlyBucket({ GetBucketCors: undefined }), message: 'not collected' },
  ],
});
