import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'iam-policies-attached-to-groups-or-roles',
  aliases: ['IAM.2', 'AVD-AWS-0143', 'iam_policy_attached_only_to_group_or_roles'],
  service: 'iam',
  resource: 'iam-principal',
  severity: 'low',
  title: 'IAM users receive permissions only through groups',
  description:
    "Policies attached to a user one by one (managed or inline) drift apart: nobody can say what a role in the team is allowed, and a person who changes jobs keeps what was given to them directly. Granting through groups (or roles) keeps permissions reviewable (CIS AWS 1.15 in v3.0, 1.14 in v5.0; Security Hub IAM.2). GetAccountAuthorizationDetails lists each user's inline policies (UserPolicyList) and attached managed policies (AttachedManagedPolicies); any of either fails.",
  remediation: {
    terraform: `# Attach to a group and put the user in it, instead of aws_iam_user_policy / aws_iam_user_policy_attachment:
resource "aws_iam_group_policy_attachment" "deployers" {
  group      = aws_iam_group.deployers.name
  policy_arn = aws_iam_policy.site_deploy.arn
}
resource "aws_iam_user_group_membership" "ci" {
  user   = aws_iam_user.ci.name
  groups = [aws_iam_group.deployers.name]
}`,
    cli: `aws iam add-user-to-group --user-name USER --group-name GROUP
aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN
aws iam delete-user-policy --user-name USER --policy-name INLINE_POLICY`,
    console:
      'IAM console > User groups > Create group with the permissions the user needs > add the user. Then Users > USER > Permissions: remove each policy whose "Attached via" is "Directly" or "Inline".',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2',
  ],
  needs: ['iam:GetAccountAuthorizationDetails'],
  triggers: ['AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy', 'DeleteUserPolicy'],
  evaluate(principal) {
    // the recommendation is about users: a role has no group to get policies from, and attaching to it is the advice
    if (principal.principalType === 'role') return pass(`role ${principal.name}: roles are meant to hold policies`);
    const direct = principal.policies.filter((p) => p.attachment.group === undefined);
    if (direct.length === 0) return pass(`${principal.name} has no policy of its own (only through groups)`);
    const named = direct.map((p) => `${p.name} (${p.attachment.type === 'inline' ? 'inline' : 'attached'})`);
    return fail(
      `${principal.name} has ${direct.length} polic${direct.length === 1 ? 'y' : 'ies'} of its own: ${named.join(', ')}`,
    );
  },
});
