import check from '../../../src/checks/cloudtrail/cloudtrail-log-file-validation.ts';
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
  pass: [{ name: 'enabled', snapshot: cloudtrailSnapshot(), message: 'enabled' }],
  fail: [
    {
      name: 'disabled',
      snapshot: cloudtrailSnapshot({ trails: [trail({ LogFileValidationEnabled: false })] }),
      message: 'off on main',
    },
  ],
  unknown: [gap],
});
