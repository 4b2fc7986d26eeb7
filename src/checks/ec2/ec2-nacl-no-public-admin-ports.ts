import type { NetworkAclEntry } from '../../services/ec2/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { describePort, isWholeInternet, coversPort, REMOTE_ADMIN_PORTS } from './ports.ts';

/** TCP (6) or every protocol (-1): SSH and RDP are TCP. */
function carriesTcp(entry: NetworkAclEntry): boolean {
  return entry.protocol === '6' || entry.protocol === '-1' || entry.protocol.toLowerCase() === 'tcp';
}

/**
 * The entry that decides traffic from any internet address to `port`: NACLs apply the lowest-numbered
 * matching rule, so a DENY numbered below an ALLOW wins. Rules for narrower sources cannot decide for
 * "anyone", so only whole-internet entries are read.
 */
function decidingEntry(ingress: readonly NetworkAclEntry[], family: 'cidrBlock' | 'ipv6CidrBlock', port: number) {
  return ingress.find((e) => isWholeInternet(e[family]) && carriesTcp(e) && coversPort(e.portRange, port));
}

export default defineCheck({
  id: 'ec2-nacl-no-public-admin-ports',
  aliases: ['EC2.21', 'AVD-AWS-0105'],
  service: 'ec2',
  resource: 'ec2-network-acl',
  severity: 'high',
  title: 'Network ACL does not allow ingress from the internet to SSH or RDP',
  description:
    'A network ACL is the subnet-level firewall. An inbound rule that allows 0.0.0.0/0 or ::/0 to TCP port 22 (SSH) or 3389 (RDP), or to every port, lets anyone on the internet reach the remote administration services of every instance in the subnets it covers. Rules are applied in rule-number order: a DENY with a lower number than the ALLOW closes the port. The default network ACL of every VPC allows all inbound traffic.',
  remediation: {
    terraform: `resource "aws_default_network_acl" "main" {
  default_network_acl_id = aws_vpc.vpc.default_network_acl_id

  egress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  # SSH only from the administrators' network
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = local.allowed_cidr
    from_port  = 22
    to_port    = 22
  }

  # the web ports instead of "allow all"
  ingress {
    protocol   = "tcp"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}`,
    cli: `aws ec2 replace-network-acl-entry --network-acl-id ACL_ID --ingress --rule-number RULE --protocol tcp --port-range From=22,To=22 --cidr-block 203.0.113.0/24 --rule-action allow
# or put a DENY in front of the broad ALLOW:
aws ec2 create-network-acl-entry --network-acl-id ACL_ID --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny`,
    console:
      'VPC console > Network ACLs > ACL_ID > Inbound rules > Edit inbound rules: remove or narrow the rule that allows 0.0.0.0/0 (or ::/0) to 22, 3389 or all traffic, or add a lower-numbered DENY for those ports > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
    'https://www.cisecurity.org/benchmark/amazon_web_services',
  ],
  needs: ['ec2:DescribeNetworkAcls'],
  triggers: [
    'CreateNetworkAclEntry',
    'ReplaceNetworkAclEntry',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
    'CreateNetworkAcl',
  ],
  evaluate(acl) {
    const ingress = acl.entries.filter((e) => !e.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
    const open: string[] = [];
    for (const port of REMOTE_ADMIN_PORTS) {
      for (const family of ['cidrBlock', 'ipv6CidrBlock'] as const) {
        const entry = decidingEntry(ingress, family, port);
        if (entry?.action === 'allow') {
          const ports =
            entry.protocol === '-1'
              ? 'all traffic'
              : entry.portRange
                ? `ports ${entry.portRange.from}-${entry.portRange.to}`
                : 'all ports';
          open.push(`rule ${entry.ruleNumber} allows ${entry[family]} to ${describePort(port)} (${ports})`);
        }
      }
    }
    if (open.length > 0) return fail(`inbound from the internet is open: ${open.join('; ')}`);
    return pass(
      'no inbound rule lets the internet reach port 22 or 3389 (a lower-numbered DENY or no ALLOW from 0.0.0.0/0 or ::/0)',
    );
  },
});
