import check from '../../../src/checks/cloudtrail/cloudtrail-cloudwatch-logs.ts';
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
  pass: [{ name: 'log group', snapshot: cloudtrailSnapshot(), message: 'log-group:cloudtrail' }],
  fail: [
    {
      name: 'none',
      snapshot: cloudtrailSnapshot({ trails: [trail({ CloudWatchLogsLogGroupArn: undefined })] }),
      message: 'not integrated',
    },
  ],
  unknown: [gap],
});
