import check from '../../../src/checks/ec2/ec2-instance-admin-ports-use-session-manager.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, permission, REGION, reservations, securityGroup } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const PROFILE = 'arn:aws:iam::123456789012:instance-profile/web';
const scene = (groups: unknown, options: Parameters<typeof instance>[1] = { groups: ['sg-0ssh'] }) =>
  ec2Snapshot({ [REGION]: { DescribeInstances: reservations(instance('i-0123456789abcdef0', options)), DescribeSecurityGroups: groups as never } });
const open = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [22, 22], '0.0.0.0/0')])] };

testCheck(check, {
  pass: [{ name: 'only HTTPS open', snapshot: scene({ SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [443, 443], '0.0.0.0/0')])] }), message: 'no security group' }],
  fail: [
    { name: 'SSH open, instance profile present', snapshot: scene(open, { groups: ['sg-0ssh'], profile: PROFILE }), message: 'it has an instance profile' },
    { name: 'SSH open, no instance profile', snapshot: scene(open), message: 'attach an instance profile whose role has AmazonSSMManagedInstanceCore' },
  ],
  unknown: [
    { name: 'security groups not readable', snapshot: scene(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')), message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups' },
    { name: 'a group of the instance is not in the listing', snapshot: scene({ SecurityGroups: [] }), message: 'sg-0ssh' },
  ],
});
