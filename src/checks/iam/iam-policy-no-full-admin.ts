import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { describeStatements, fullAdminStatements } from './full-admin.ts';

export default defineCheck({
  id: 'iam-policy-no-full-admin',
  aliases: ['IAM.1', 'AVD-AWS-0057'],
  service: 'iam',
  resource: 'iam-policy',
  severity: 'high',
  title: 'No attached customer managed policy allows "*" actions on "*" resources',
  description:
    'A policy with `"Effect": "Allow", "Action": "*", "Resource": "*"` gives full administrator rights to every user, group and role it is attached to. Least privilege means granting only the actions a job needs; where full administration is needed, use the AWS managed AdministratorAccess policy on a few audited roles. The default version of every customer managed policy that is attached to someone is read (CIS 1.16, FSBP IAM.1). A condition on the statement is reported but does not clear it.',
  remediation: {
    terraform: `data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["s3:PutObject", "cloudfront:CreateInvalidation"] # only what the job needs
    resources = [aws_s3_bucket.site.arn, "\${aws_s3_bucket.site.arn}/*", aws_cloudfront_distribution.site.arn]
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}`,
    cli: `aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://least-privilege.json --set-as-default
# or detach it: aws iam detach-role-policy --role-name ROLE --policy-arn POLICY_ARN`,
    console:
      'IAM console > Policies > POLICY > Permissions > Edit > replace the "*" action/resource statement with the actions and resources needed (IAM Access Analyzer can generate a policy from CloudTrail activity) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  ],
  needs: ['iam:GetPolicyVersion'],
  triggers: [
    'CreatePolicyVersion',
    'SetDefaultPolicyVersion',
    'AttachUserPolicy',
    'AttachRolePolicy',
    'AttachGroupPolicy',
  ],
  evaluate(policy) {
    const found = fullAdminStatements(known(policy.document));
    if (found === undefined)
      return inconclusive(
        'cannot decide: the policy document is not a JSON object',
        'the default policy version is not a JSON object',
      );
    if (found.length === 0) return pass(`${policy.name} allows no "*" action on "*"`);
    return fail(
      `${policy.name} (attached ${policy.attachmentCount} time(s)) allows "*" on "*": ${describeStatements(found)}`,
    );
  },
});
