import check from '../../../src/checks/ec2/ec2-nacl-no-public-admin-ports.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  DEFAULT_ACL_ENTRIES,
  ec2Snapshot,
  egress,
  hardenedNetworkAcl,
  ingress,
  networkAcl,
  REGION,
} from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const withAcl = (acl: ReturnType<typeof networkAcl>) =>
  ec2Snapshot({ [REGION]: { DescribeNetworkAcls: { NetworkAcls: [acl] } } });
const acl = (...entries: Parameters<typeof networkAcl>[1]) =>
  withAcl(networkAcl('acl-0123456789abcdef0', [...entries, ingress(32767, 'deny', '0.0.0.0/0')]));

testCheck(check, {
  pass: [
    {
      name: 'HTTPS from the internet, SSH from an office range',
      snapshot: withAcl(hardenedNetworkAcl()),
      message: 'no inbound rule',
    },
    {
      name: 'a lower-numbered DENY for 22 and 3389 in front of allow-all',
      snapshot: acl(
        ingress(50, 'deny', '0.0.0.0/0', '6', [22, 22]),
        ingress(60, 'deny', '0.0.0.0/0', '6', [3389, 3389]),
        ingress(100, 'allow', '0.0.0.0/0'),
      ),
    },
    { name: 'only egress is open to the world', snapshot: acl(egress(100, 'allow', '0.0.0.0/0')) },
    {
      name: 'UDP (17) from anywhere on every port does not carry SSH/RDP',
      snapshot: acl(ingress(100, 'allow', '0.0.0.0/0', '17', [0, 65535])),
    },
  ],
  fail: [
    {
      name: 'the default ACL (allow all traffic)',
      snapshot: withAcl(networkAcl('acl-0aa', DEFAULT_ACL_ENTRIES, true)),
      message: 'rule 100 allows 0.0.0.0/0 to 22 (SSH) (all traffic)',
    },
    {
      name: 'TCP 22 from 0.0.0.0/0',
      snapshot: acl(ingress(100, 'allow', '0.0.0.0/0', '6', [22, 22])),
      message: '22 (SSH)',
    },
    {
      name: 'TCP 3389 from ::/0',
      snapshot: acl(ingress(100, 'allow', '::/0', '6', [3389, 3389])),
      message: 'rule 100 allows ::/0 to 3389 (RDP)',
    },
    {
      name: 'a TCP range that spans 22',
      snapshot: acl(ingress(100, 'allow', '0.0.0.0/0', '6', [0, 1024])),
      message: 'ports 0-1024',
    },
    {
      name: 'the DENY comes after the ALLOW (higher rule number)',
      snapshot: acl(
        ingress(100, 'allow', '0.0.0.0/0', '6', [22, 22]),
        ingress(200, 'deny', '0.0.0.0/0', '6', [22, 22]),
      ),
      message: 'rule 100',
    },
    {
      name: 'a DENY for a narrower range does not close the port to everyone',
      snapshot: acl(
        ingress(50, 'deny', '198.51.100.0/24', '6', [22, 22]),
        ingress(100, 'allow', '0.0.0.0/0', '6', [22, 22]),
      ),
      message: 'rule 100',
    },
  ],
  unknown: [
    {
      name: 'DescribeNetworkAcls denied in a region (UnauthorizedOperation): the region is a gap',
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeNetworkAcls: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:123456789012:network-acl/*`,
      message: 'UnauthorizedOperation on ec2:DescribeNetworkAcls in ap-northeast-1',
    },
    {
      name: 'the region was listed but DescribeNetworkAcls was not collected',
      snapshot: ec2Snapshot({ [REGION]: {} }),
      arn: `arn:aws:ec2:${REGION}:123456789012:network-acl/*`,
      message: 'ec2:DescribeNetworkAcls was not collected in ap-northeast-1',
    },
  ],
});
