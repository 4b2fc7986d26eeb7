import check from '../../../src/checks/ec2/ec2-sg-no-public-admin-ports.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, permission, REGION, securityGroup } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const sg = (...rules: ReturnType<typeof permission>[]) =>
  ec2Snapshot({ [REGION]: { DescribeSecurityGroups: { SecurityGroups: [securityGroup('sg-0abc', rules)] } } });

testCheck(check, {
  pass: [
    {
      name: 'HTTPS from anywhere, SSH from an office range',
      snapshot: sg(permission('tcp', [443, 443], '0.0.0.0/0', '::/0'), permission('tcp', [22, 22], '203.0.113.0/24')),
    },
    { name: 'no inbound rules', snapshot: sg(), message: 'no inbound rule' },
    { name: 'UDP 3389 is not the RDP TCP port', snapshot: sg(permission('udp', [3389, 3389], '0.0.0.0/0')) },
    {
      name: 'ports [6379]: PostgreSQL from anywhere is outside the configured list; the message names what was checked',
      snapshot: sg(permission('tcp', [5432, 5432], '0.0.0.0/0')),
      options: { ports: [6379] },
      message: 'no inbound rule opens every port or one of ports 22 (SSH), 3389 (RDP), 6379 to 0.0.0.0/0 or ::/0',
    },
    {
      name: "default ports: Redis (6379) from anywhere is not in FSBP EC2.19's list",
      snapshot: sg(permission('tcp', [6379, 6379], '0.0.0.0/0')),
      message: 'SSH, RDP, every port or a database/admin port',
    },
  ],
  fail: [
    {
      name: 'SSH from 0.0.0.0/0',
      snapshot: sg(permission('tcp', [22, 22], '0.0.0.0/0')),
      message: '22 (SSH) from 0.0.0.0/0',
    },
    { name: 'RDP from ::/0', snapshot: sg(permission('tcp', [3389, 3389], '::/0')), message: '3389 (RDP) from ::/0' },
    {
      name: 'all traffic from anywhere',
      snapshot: sg(permission('-1', undefined, '0.0.0.0/0')),
      message: 'every port is open',
    },
    {
      name: 'PostgreSQL from anywhere (a database port)',
      snapshot: sg(permission('tcp', [5432, 5432], '0.0.0.0/0')),
      message: '5432 from 0.0.0.0/0',
    },
    {
      name: 'ports [22, 3389, 5432, 6379]: Redis from anywhere fails with the custom list',
      snapshot: sg(permission('tcp', [6379, 6379], '0.0.0.0/0')),
      options: { ports: [22, 3389, 5432, 6379] },
      message: 'open to the internet: 6379 from 0.0.0.0/0',
    },
    {
      name: 'ports [6379]: a range 6000-7000 from ::/0 covers it',
      snapshot: sg(permission('tcp', [6000, 7000], '::/0')),
      options: { ports: [6379] },
      message: '6379 from ::/0',
    },
    {
      name: 'ports [6379]: SSH from anywhere still fails (SSH and RDP are always checked)',
      snapshot: sg(permission('tcp', [22, 22], '0.0.0.0/0')),
      options: { ports: [6379] },
      message: 'open to the internet: 22 (SSH) from 0.0.0.0/0',
    },
    {
      name: 'ports [6379]: all traffic from anywhere still fails',
      snapshot: sg(permission('-1', undefined, '0.0.0.0/0')),
      options: { ports: [6379] },
      message: 'every port is open',
    },
  ],
  unknown: [
    {
      name: 'DescribeSecurityGroups denied (UnauthorizedOperation)',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeSecurityGroups: awsError(
            'UnauthorizedOperation',
            'You are not authorized to perform this operation.',
          ),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:security-group/*`,
      message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups',
    },
  ],
});
