import { defineCheck, fail, pass } from '../define-check.ts';
import { describePort, HIGH_RISK_PORTS, portsOpenToInternet, REMOTE_ADMIN_PORTS } from './ports.ts';

export default defineCheck({
  id: 'ec2-sg-no-public-admin-ports',
  aliases: ['EC2.13', 'EC2.14', 'EC2.19', 'EC2.53', 'EC2.54', 'AVD-AWS-0107'],
  service: 'ec2',
  resource: 'ec2-security-group',
  severity: 'high',
  title: 'Security group does not open SSH, RDP, all ports or database/admin ports to the internet',
  description:
    'A security group rule that admits 0.0.0.0/0 or ::/0 to SSH (22), RDP (3389), every port, or a database or administration port lets anyone on the internet try to log in or exploit the service. Ports covered: 20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300 (FSBP EC2.19\'s high-risk ports). Use AWS Systems Manager Session Manager for shell access and keep databases private.',
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
    console: 'EC2 console > Security Groups > SG_ID > Inbound rules > Edit inbound rules: delete the rule whose source is 0.0.0.0/0 or ::/0 for the port, or narrow the source > Save rules.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  ],
  needs: ['ec2:DescribeSecurityGroups'],
  triggers: ['AuthorizeSecurityGroupIngress', 'ModifySecurityGroupRules', 'RevokeSecurityGroupIngress', 'CreateSecurityGroup'],
  evaluate(group) {
    const open = portsOpenToInternet(group.ingress, [...new Set([...REMOTE_ADMIN_PORTS, ...HIGH_RISK_PORTS])]);
    if (open.length === 0) return pass('no inbound rule opens SSH, RDP, every port or a database/admin port to 0.0.0.0/0 or ::/0');
    if (open.some((o) => o.everyPort)) return fail(`every port is open to ${open[0]?.source} (an inbound rule allows all traffic)`);
    return fail(`open to the internet: ${open.map((o) => `${describePort(o.port)} from ${o.source}`).join(', ')}`);
  },
});
