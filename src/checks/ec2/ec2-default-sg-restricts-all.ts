import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'ec2-default-sg-restricts-all',
  aliases: ['EC2.2', 'AVD-AWS-0173'],
  service: 'ec2',
  resource: 'ec2-security-group',
  severity: 'medium',
  title: 'VPC default security group allows no traffic',
  description:
    'Every VPC has a security group named `default` that resources join when nobody picks one. AWS creates it allowing all traffic between its members and all outbound traffic. Removing every rule makes a forgotten resource unreachable instead of quietly connected (CIS AWS 5.4 in v3.0).',
  remediation: {
    terraform: `# an aws_default_security_group without ingress/egress blocks removes every rule
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.this.id
}`,
    cli: `aws ec2 revoke-security-group-ingress --group-id SG_ID --ip-permissions "$(aws ec2 describe-security-groups --group-ids SG_ID --query 'SecurityGroups[0].IpPermissions')"
aws ec2 revoke-security-group-egress --group-id SG_ID --ip-permissions "$(aws ec2 describe-security-groups --group-ids SG_ID --query 'SecurityGroups[0].IpPermissionsEgress')"`,
    console:
      'VPC console > Security groups > the group named default > Inbound rules > Edit > delete every rule > Save; the same for Outbound rules. Move resources that used it to purpose-made groups first.',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
  ],
  needs: ['ec2:DescribeSecurityGroups'],
  triggers: ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'ModifySecurityGroupRules', 'CreateVpc'],
  evaluate(group) {
    if (group.name !== 'default') return pass(`not a default security group (${group.name})`);
    const rules = group.ingress.length + group.egress.length;
    if (rules === 0) return pass('the default security group has no inbound or outbound rules');
    return fail(
      `the default security group of ${group.vpcId ?? 'its VPC'} still has ${group.ingress.length} inbound and ${group.egress.length} outbound rule(s)`,
    );
  },
});
