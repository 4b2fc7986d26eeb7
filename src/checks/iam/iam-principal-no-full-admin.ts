import picomatch from 'picomatch';
import { z } from 'zod';
import { globProblem } from '../../findings/accept-file.ts';
import type { IamPrincipal } from '../../services/iam/model.ts';
import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { describePolicy } from '../policy/index.ts';
import { describeStatements, fullAdminStatements, nearAdminStatements } from './full-admin.ts';

/** Roles AWS creates and defines for its services (`/aws-service-role/`): nobody in the account can change them. */
const SERVICE_LINKED_PATH = '/aws-service-role/';

/** Break-glass and other deliberate administrators: ARN globs (`arn:aws:iam::*:role/BreakGlass*`). */
const allowList = z
  .array(
    z.string().superRefine((glob, ctx) => {
      const problem = globProblem(glob, 'arn:aws:iam::*:role/BreakGlass*');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    { error: 'expected a list of ARN globs, e.g. ["arn:aws:iam::*:role/BreakGlass*"]' },
  )
  .default([])
  .describe(
    'ARN globs of users and roles that may be full administrators (a break-glass role): they pass, and the message says they are allow-listed. A * stops at a /, so arn:aws:iam::*:role/**/BreakGlass* also matches roles with a path',
  );

const label = (principal: IamPrincipal) => `${principal.principalType} ${principal.name}`;

interface Reading {
  admin: string[];
  unreadable: { policy: string; reason: string }[];
  near: string[];
}

/** Every policy of the principal, sorted into those that grant "*" on "*", those that could not be read, and near misses. */
function readPolicies(principal: IamPrincipal): Reading {
  const reading: Reading = { admin: [], unreadable: [], near: [] };
  for (const policy of principal.policies) {
    const reason = unreadableReason(policy.document);
    const found = policy.document.kind === 'present' ? fullAdminStatements(policy.document.value) : undefined;
    if (reason || found === undefined) {
      reading.unreadable.push({
        policy: describePolicy(policy),
        reason: reason ?? 'the policy document is not a JSON object',
      });
    } else if (found.length > 0) {
      reading.admin.push(`${describePolicy(policy)}: ${describeStatements(found)}`);
    } else if (policy.document.kind === 'present') {
      for (const s of nearAdminStatements(policy.document.value)) {
        reading.near.push(`${describePolicy(policy)} ${s.sid ? `statement ${s.sid}` : 'a statement'} (${s.element})`);
      }
    }
  }
  return reading;
}

export default defineCheck({
  id: 'iam-principal-no-full-admin',
  aliases: [
    'AVD-AWS-0057',
    'iam_inline_policy_no_administrative_privileges',
    'iam_aws_attached_policy_no_administrative_privileges',
    'iam_customer_attached_policy_no_administrative_privileges',
  ],
  service: 'iam',
  resource: 'iam-principal',
  severity: 'high',
  title: 'No IAM user or role has a policy that allows "*" actions on "*" resources',
  description:
    'A user or role with a policy that says `"Effect": "Allow", "Action": "*", "Resource": "*"` is a full administrator: whoever holds its credentials (a leaked access key, a compromised instance or CI job) owns the account. Every identity policy that applies is read: inline policies of the user or role, attached customer managed and AWS managed policies (AdministratorAccess), and for users the inline and attached policies of each group they are in (GetAccountAuthorizationDetails, plus the default version of each attached managed policy). A condition on the statement is reported but does not clear it; a permissions boundary is named but not evaluated. Statements that allow everything except a few actions (`NotAction`) or resources (`NotResource`) are not "*" on "*" and pass, with a note. Service-linked roles pass: AWS defines and maintains them. Deliberate administrators (a break-glass role) go in the `allow` option and pass, saying so. CIS AWS Foundations 1.16 (v3.0) / 1.15 (v5.0).',
  remediation: {
    terraform: `# Remove the attachment that grants "*" on "*" (AdministratorAccess, or an inline "*" policy)
# and grant the role only what its job needs (a break-glass admin role stays: list it in the check's allow option):
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = [aws_ecs_service.app.id]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}`,
    cli: `# a managed policy attached to a role or user
aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN
# an inline policy
aws iam delete-role-policy --role-name ROLE --policy-name POLICY
aws iam delete-user-policy --user-name USER --policy-name POLICY
# administrator rights through a group
aws iam remove-user-from-group --user-name USER --group-name GROUP`,
    console:
      'IAM console > Roles (or Users) > NAME > Permissions > select the policy named in the finding > Remove; for a policy it has through a group: Groups tab > Remove from group (or remove the policy from the group). Then add a policy with only the actions and resources needed (IAM Access Analyzer can generate one from CloudTrail activity).',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html',
  ],
  needs: ['iam:GetAccountAuthorizationDetails'],
  options: z.strictObject({ allow: allowList }),
  triggers: [
    'AttachUserPolicy',
    'AttachRolePolicy',
    'AttachGroupPolicy',
    'PutUserPolicy',
    'PutRolePolicy',
    'PutGroupPolicy',
    'AddUserToGroup',
    'CreatePolicyVersion',
    'SetDefaultPolicyVersion',
  ],
  evaluate(principal, { options }) {
    if (principal.principalType === 'role' && principal.path.startsWith(SERVICE_LINKED_PATH)) {
      return pass(
        `${label(principal)} is a service-linked role: AWS defines its permissions and only its service can assume it`,
      );
    }
    const { admin, unreadable, near } = readPolicies(principal);
    const allowedBy = options.allow.find((glob) =>
      picomatch.isMatch(principal.arn, glob, { dot: true, strictBrackets: true }),
    );
    if (allowedBy) {
      const rights = admin.length > 0 ? `: a full administrator ("*" on "*") through ${admin.join('; ')}` : '';
      return pass(`${label(principal)} is allow-listed (${allowedBy})${rights}`);
    }
    if (admin.length > 0) {
      const boundary = principal.permissionsBoundary
        ? ` (permissions boundary ${principal.permissionsBoundary} may limit it)`
        : '';
      return fail(`${label(principal)} is a full administrator ("*" on "*") through ${admin.join('; ')}${boundary}`);
    }
    if (unreadable.length > 0) {
      const reasons = unreadable.map((u) => `${u.policy}: ${u.reason}`).join('; ');
      return inconclusive(
        `cannot decide: ${label(principal)} has policies that could not be read: ${reasons}`,
        reasons,
      );
    }
    const note = near.length > 0 ? `; review ${near.join(', ')}: every action or resource but a few` : '';
    const count = principal.policies.length;
    return pass(
      `${label(principal)} has no policy that allows "*" on "*" (${count} ${count === 1 ? 'policy' : 'policies'} read)${note}`,
    );
  },
});
