import check from '../../../src/checks/cloudtrail/cloudtrail-kms-encryption.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudtrailSnapshot, HOME, trail } from '../../support/cloudtrail-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const denied = {
  ...cloudtrailSnapshot(),
  cloudtrail: {
    [HOME]: {
      DescribeTrails: awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
    },
  },
};
const gap = {
  name: 'DescribeTrails failed in the region',
  snapshot: denied,
  arn: `arn:aws:cloudtrail:${HOME}:123456789012:trail/*`,
  message: 'on cloudtrail:DescribeTrails in us-east-1',
};

testCheck(check, {
  pass: [{ name: 'KMS key', snapshot: cloudtrailSnapshot(), message: 'encrypted with arn:aws:kms' }],
  fail: [
    {
      name: 'SSE-S3 only',
      snapshot: cloudtrailSnapshot({ trails: [trail({ KmsKeyId: undefined })] }),
      message: 'SSE-S3 only',
    },
  ],
  unknown: [gap],
});
