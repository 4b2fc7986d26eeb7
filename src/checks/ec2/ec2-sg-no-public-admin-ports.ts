import { z } from 'zod';
import { defineCheck, fail, pass } from '../define-check.ts';
import { portListOption } from '../options.ts';
import { describePort, HIGH_RISK_PORTS, portsOpenToInternet, REMOTE_ADMIN_PORTS } from './ports.ts';

function isDefault(ports: readonly number[]): boolean {
  return ports.length === HIGH_RISK_PORTS.length && HIGH_RISK_PORTS.every((p) => ports.includes(p));
}

export default defineCheck({
  id: 'ec2-sg-no-public-admin-ports',
  aliases: ['EC2.13', 'EC2.14', 'EC2.19', 'EC2.53', 'EC2.54', 'AVD-AWS-0107'],
  service: 'ec2',
  resource: 'ec2-security-group',
  severity: 'high',
  title: 'Security group does not open SSH, RDP, all ports or database/admin ports to the internet',
  description: `A security group rule that admits 0.0.0.0/0 or ::/0 to SSH (22), RDP (3389), every port, or a database or administration port lets anyone on the internet try to log in or exploit the service. Ports covered by default: ${HIGH_RISK_PORTS.join(', ')} (FSBP EC2.19's high-risk ports); the \`ports\` option replaces the database/admin list, while SSH and RDP are always checked (CIS AWS 5.2/5.3 and FSBP EC2.13/EC2.14 are decided by them). Use AWS Systems Manager Session Manager for shell access and keep databases private.`,
  remediation: {
    terraform: `resource "aws_vpc_security_group_ingress_rule" "ssh_from_office" {
  security_group_id = aws_security_group.this.id
  cidr_ipv4         = local.allowed_cidr   # never "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}
# better: no inbound admin port at all, shell access through Session Manager
# (instance profile with the AmazonSSMManagedInstanceCore policy)`,
    cli: 'aws ec2 revoke-security-group-ingress --group-id SG_ID --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
    console:
      'EC2 console > Security Groups > SG_ID > Inbound rules > Edit inbound rules: delete the rule whose source is 0.0.0.0/0 or ::/0 for the port, or narrow the source > Save rules.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  ],
  needs: ['ec2:DescribeSecurityGroups'],
  triggers: [
    'AuthorizeSecurityGroupIngress',
    'ModifySecurityGroupRules',
    'RevokeSecurityGroupIngress',
    'CreateSecurityGroup',
  ],
  options: z.strictObject({
    ports: portListOption(
      HIGH_RISK_PORTS,
      'TCP ports no inbound rule may open to 0.0.0.0/0 or ::/0, besides SSH (22) and RDP (3389), which are always checked; a rule open to every port fails whatever the list',
    ),
  }),
  evaluate(group, { options }) {
    // SSH and RDP stay in whatever list is configured: the CIS controls this check decides are about them
    const ports = [...new Set([...REMOTE_ADMIN_PORTS, ...options.ports])].sort((a, b) => a - b);
    const open = portsOpenToInternet(group.ingress, ports);
    if (open.length === 0) {
      const checked = isDefault(ports)
        ? 'SSH, RDP, every port or a database/admin port'
        : `every port or one of ports ${ports.map(describePort).join(', ')}`;
      return pass(`no inbound rule opens ${checked} to 0.0.0.0/0 or ::/0`);
    }
    if (open.some((o) => o.everyPort))
      return fail(`every port is open to ${open[0]?.source} (an inbound rule allows all traffic)`);
    return fail(`open to the internet: ${open.map((o) => `${describePort(o.port)} from ${o.source}`).join(', ')}`);
  },
});
