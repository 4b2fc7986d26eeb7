import check from '../../../src/checks/ec2/ec2-instance-imdsv2-required.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, REGION, reservations } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const only = (options: Parameters<typeof instance>[1]) =>
  ec2Snapshot({ [REGION]: { DescribeInstances: reservations(instance('i-0123456789abcdef0', options)) } });

testCheck(check, {
  pass: [
    { name: 'HttpTokens required', snapshot: only({ HttpTokens: 'required' }), message: 'IMDSv2 is required' },
    {
      name: 'metadata service disabled',
      snapshot: only({ HttpTokens: 'optional', HttpEndpoint: 'disabled' }),
      message: 'disabled',
    },
  ],
  fail: [
    {
      name: 'HttpTokens optional (Amazon Linux 2 default)',
      snapshot: only({ HttpTokens: 'optional' }),
      message: 'IMDSv1 is allowed (HttpTokens: optional) on this running instance',
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
