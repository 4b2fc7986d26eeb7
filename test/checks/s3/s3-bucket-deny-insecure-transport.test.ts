import check from '../../../src/checks/s3/s3-bucket-deny-insecure-transport.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, denyInsecureTransportStatement, onlyBucket, policy } from '../../support/snapshot-builders.ts';

const deny = denyInsecureTransportStatement('b');

testCheck(check, {
  pass: [
    {
      name: 'Deny s3:* on bucket and objects when aws:SecureTransport is false',
      snapshot: onlyBucket({}),
      message: 'statement DenyInsecureTransport denies every request made without TLS',
    },
    {
      name: 'Action "*", Principal {"AWS": "*"}, Resource "arn:aws:s3:::b*", boolean false, BoolIfExists',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: '*',
          Resource: 'arn:aws:s3:::b*',
          Condition: { BoolIfExists: { 'aws:securetransport': false } },
        }),
      }),
      message: 'statement #1 denies',
    },
  ],
  fail: [
    {
      name: 'no bucket policy',
      snapshot: onlyBucket({ GetBucketPolicy: awsError('NoSuchBucketPolicy') }),
      message: 'no bucket policy',
    },
    {
      name: 'policy without such a statement',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
        }),
      }),
      message: 'no Deny statement for aws:SecureTransport = false',
    },
    {
      name: 'covers only the objects, not the bucket',
      snapshot: onlyBucket({ GetBucketPolicy: policy({ ...deny, Resource: 'arn:aws:s3:::b/*' }) }),
      message: 'statement DenyInsecureTransport does not cover arn:aws:s3:::b',
    },
    {
      name: 'covers only s3:GetObject',
      snapshot: onlyBucket({ GetBucketPolicy: policy({ ...deny, Action: 's3:GetObject' }) }),
      message: 'does not cover all actions (s3:* or *)',
    },
    {
      name: 'applies to one account only',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({ ...deny, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
      }),
      message: 'does not apply to all principals',
    },
    {
      name: 'narrowed by a further condition',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({
          ...deny,
          Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
        }),
      }),
      message: 'also requires aws:SourceVpce',
    },
    {
      name: 'an Allow with aws:SecureTransport = true is not a Deny',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({ ...deny, Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      }),
      message: 'no Deny statement',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on GetBucketPolicy',
      snapshot: onlyBucket({ GetBucketPolicy: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketPolicy',
    },
    {
      name: 'policy not collected',
      snapshot: onlyBucket({ GetBucketPolicy: undefined }),
      message: 's3:GetBucketPolicy was not collected',
    },
    {
      name: 'malformed policy JSON',
      snapshot: onlyBucket({ GetBucketPolicy: { Policy: '{"Statement": [}' } }),
      message: 'MalformedPolicyJSON',
    },
    {
      name: 'no usable Deny, and an unreadable statement',
      snapshot: onlyBucket({
        GetBucketPolicy: policy({ Sid: 'Odd', Effect: 'Deny', Principal: 42, Action: 's3:*', Resource: '*' }),
      }),
      message: 'statement Odd has an unreadable Principal',
    },
  ],
});
