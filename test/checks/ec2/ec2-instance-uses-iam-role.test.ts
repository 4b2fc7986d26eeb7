import check from '../../../src/checks/ec2/ec2-instance-uses-iam-role.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, REGION, reservations } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const one = (i: ReturnType<typeof instance>) => ec2Snapshot({ [REGION]: { DescribeInstances: reservations(i) } });
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/web/app';

testCheck(check, {
  pass: [
    {
      name: 'an instance with an instance profile (path included)',
      snapshot: one(instance('i-0123456789abcdef0', { profile: PROFILE })),
      message: 'the instance has instance profile instance-profile/web/app',
    },
    {
      name: 'a terminated instance without a profile',
      snapshot: one({ ...instance('i-0123456789abcdef0'), State: { Code: 48, Name: 'terminated' } }),
      message: 'the instance is terminated',
    },
  ],
  fail: [
    {
      name: 'a running instance without a profile',
      snapshot: one(instance('i-0123456789abcdef0')),
      message: 'the running instance has no IAM instance profile',
    },
    {
      name: 'a stopped instance without a profile (it can be started again)',
      snapshot: one({ ...instance('i-0123456789abcdef0'), State: { Code: 80, Name: 'stopped' } }),
      message: 'the stopped instance has no IAM instance profile',
    },
  ],
  unknown: [
    {
      name: 'DescribeInstances denied',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeInstances: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:instance/*`,
      message: 'UnauthorizedOperation on ec2:DescribeInstances',
    },
  ],
});
