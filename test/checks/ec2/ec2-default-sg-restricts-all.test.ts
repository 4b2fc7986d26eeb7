import check from '../../../src/checks/ec2/ec2-default-sg-restricts-all.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, permission, REGION, securityGroup } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const groups = (group: ReturnType<typeof securityGroup>) =>
  ec2Snapshot({ [REGION]: { DescribeSecurityGroups: { SecurityGroups: [group] } } });
const selfRule = { ...permission('-1', undefined), UserIdGroupPairs: [{ GroupId: 'sg-0def', UserId: '123456789012' }] };

testCheck(check, {
  pass: [
    {
      name: 'default group emptied',
      snapshot: groups(securityGroup('sg-0def', [], { GroupName: 'default', IpPermissionsEgress: [] })),
      message: 'no inbound or outbound',
    },
    {
      name: 'another group with rules',
      snapshot: groups(securityGroup('sg-0web', [permission('tcp', [443, 443], '0.0.0.0/0')])),
      message: 'not a default',
    },
  ],
  fail: [
    {
      name: 'default group as AWS creates it (self-referencing inbound, all outbound)',
      snapshot: groups(securityGroup('sg-0def', [selfRule], { GroupName: 'default' })),
      message: '1 inbound and 1 outbound',
    },
  ],
  unknown: [
    {
      name: 'listing failed',
      snapshot: ec2Snapshot({
        [REGION]: { DescribeSecurityGroups: awsError('RequestLimitExceeded', 'Request limit exceeded.') },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:security-group/*`,
      message: 'RequestLimitExceeded',
    },
  ],
});
