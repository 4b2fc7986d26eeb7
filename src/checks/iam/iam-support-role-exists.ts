import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'iam-support-role-exists',
  aliases: ['IAM.18', 'AVD-AWS-0169'],
  service: 'iam',
  resource: 'account',
  severity: 'low',
  title: 'A role (or user/group) can manage incidents with AWS Support',
  description:
    'During an incident someone must be able to open and follow AWS Support cases without using the root user or an administrator. CIS 1.17 asks that the AWS managed policy AWSSupportAccess is attached to a role; ListEntitiesForPolicy says who has it.',
  remediation: {
    terraform: `resource "aws_iam_role" "support" {
  name               = "aws-support"
  assume_role_policy = data.aws_iam_policy_document.trusted_admins.json
}

resource "aws_iam_role_policy_attachment" "support" {
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}`,
    cli: `aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json
aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess`,
    console:
      'IAM console > Roles > Create role > trusted entity: your account (or your identity provider) > attach AWSSupportAccess > name it (e.g. aws-support) > Create role.',
  },
  references: [
    'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-18',
  ],
  needs: ['iam:ListEntitiesForPolicy'],
  triggers: [
    'AttachRolePolicy',
    'DetachRolePolicy',
    'AttachUserPolicy',
    'DetachUserPolicy',
    'AttachGroupPolicy',
    'DetachGroupPolicy',
  ],
  evaluate(_account, { state }) {
    const who = known(state.iam.supportAccess) ?? { users: [], groups: [], roles: [] };
    if (who.roles.length > 0) return pass(`AWSSupportAccess is attached to role(s) ${who.roles.join(', ')}`);
    const others = [...who.users.map((u) => `user ${u}`), ...who.groups.map((g) => `group ${g}`)];
    if (others.length > 0)
      return fail(`AWSSupportAccess is attached to ${others.join(', ')} but to no role (CIS 1.17 asks for a role)`);
    return fail('nobody has AWSSupportAccess: no role can manage AWS Support cases');
  },
});
