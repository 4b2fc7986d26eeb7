import check from '../../../src/checks/s3/s3-bucket-policy-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  awsError,
  denyInsecureTransportStatement,
  hardenedBucket,
  policy,
  snapshotWith,
} from '../../support/snapshot-builders.ts';

const publicRead = {
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
};
const cloudFrontOac = {
  Sid: 'AllowCloudFrontServicePrincipal',
  Effect: 'Allow',
  Principal: { Service: 'cloudfront.amazonaws.com' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
  Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE' } },
};
const noPab = awsError('NoSuchPublicAccessBlockConfiguration');
const status = (IsPublic: boolean) => ({ PolicyStatus: { IsPublic } });

function bucket(overrides: Parameters<typeof hardenedBucket>[1], account: Parameters<typeof snapshotWith>[1] = noPab) {
  return snapshotWith({ b: hardenedBucket('b', { GetPublicAccessBlock: noPab, ...overrides }) }, account);
}

testCheck(check, {
  pass: [
    {
      name: 'no bucket policy',
      snapshot: bucket({
        GetBucketPolicy: awsError('NoSuchBucketPolicy'),
        GetBucketPolicyStatus: awsError('NoSuchBucketPolicy'),
      }),
      message: 'no bucket policy',
    },
    {
      name: 'CloudFront OAC grant (service principal + AWS:SourceArn), AWS agrees',
      snapshot: bucket({ GetBucketPolicy: policy(cloudFrontOac), GetBucketPolicyStatus: status(false) }),
      message: 'statement AllowCloudFrontServicePrincipal grants service principal cloudfront.amazonaws.com only',
    },
    {
      name: 'Principal * restricted to one VPC endpoint, policy status not collected',
      snapshot: bucket({
        GetBucketPolicy: policy({ ...publicRead, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
        GetBucketPolicyStatus: undefined,
      }),
      message: 'only with StringEquals aws:SourceVpce = vpce-1a2b3c4d',
    },
    {
      name: 'only a Deny statement',
      snapshot: bucket({
        GetBucketPolicy: policy(denyInsecureTransportStatement('b')),
        GetBucketPolicyStatus: status(false),
      }),
      message: 'no Allow statement',
    },
    {
      name: 'AWS says not public although the analysis finds a public statement: AWS decides, the message says so',
      snapshot: bucket({ GetBucketPolicy: policy(publicRead), GetBucketPolicyStatus: status(false) }),
      message:
        /GetBucketPolicyStatus says IsPublic=false but cloudwarden's analysis finds it public \(statement PublicRead allows Principal "\*" s3:GetObject/,
    },
  ],
  fail: [
    {
      name: 'Principal * GetObject, AWS agrees',
      snapshot: bucket({ GetBucketPolicy: policy(publicRead), GetBucketPolicyStatus: status(true) }),
      message: 'the bucket policy is public: statement PublicRead allows Principal "*" s3:GetObject with no condition',
    },
    {
      name: 'public policy with status AccessDenied: the analysis decides',
      snapshot: bucket({ GetBucketPolicy: policy(publicRead), GetBucketPolicyStatus: awsError('AccessDenied') }),
      message: 'statement PublicRead',
    },
    {
      name: 'public policy while RestrictPublicBuckets is on for the account',
      snapshot: bucket(
        { GetBucketPolicy: policy(publicRead), GetBucketPolicyStatus: status(true) },
        {
          PublicAccessBlockConfiguration: { RestrictPublicBuckets: true },
        },
      ),
      message: 'RestrictPublicBuckets is on at account level, so only AWS services and this account can use it for now',
    },
    {
      name: 'AWS says public although the analysis finds nothing: AWS decides, the message says so',
      snapshot: bucket({ GetBucketPolicy: policy(cloudFrontOac), GetBucketPolicyStatus: status(true) }),
      message: "GetBucketPolicyStatus says IsPublic=true but cloudwarden's analysis finds no public statement",
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on GetBucketPolicy',
      snapshot: bucket({ GetBucketPolicy: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketPolicy',
    },
    {
      name: 'policy not collected',
      snapshot: bucket({ GetBucketPolicy: undefined }),
      message: 's3:GetBucketPolicy was not collected',
    },
    {
      name: 'policy text is not valid JSON',
      snapshot: bucket({ GetBucketPolicy: { Policy: '{"Version":"2012-10-17","Statement":[' } }),
      message: /MalformedPolicyJSON on s3:GetBucketPolicy: the bucket policy is not valid JSON \(.+\)/,
    },
    {
      name: 'policy text "null" although GetBucketPolicyStatus says IsPublic=true: not a policy, so no verdict',
      snapshot: bucket({ GetBucketPolicy: { Policy: 'null' }, GetBucketPolicyStatus: status(true) }),
      message: 'MalformedPolicy on s3:GetBucketPolicy: the bucket policy is not a JSON object (it is null)',
    },
    {
      name: 'a statement without Effect, although GetBucketPolicyStatus says IsPublic=false',
      snapshot: bucket({
        GetBucketPolicy: policy(cloudFrontOac, {
          Sid: 'Broken',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
        }),
        GetBucketPolicyStatus: status(false),
      }),
      message: 'part of the policy could not be read (statement Broken has no valid Effect)',
    },
    {
      name: 'a statement without Effect and no policy status',
      snapshot: bucket({
        GetBucketPolicy: policy(cloudFrontOac, {
          Sid: 'Broken',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
        }),
        GetBucketPolicyStatus: undefined,
      }),
      message: 'statement Broken has no valid Effect',
    },
  ],
});
