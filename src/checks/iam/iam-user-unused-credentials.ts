import { z } from 'zod';
import type { IamUser } from '../../services/iam/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { daysOption } from '../options.ts';
import { daysBetween, reportNow } from './credential-age.ts';

/** CIS 1.12: credentials unused for 45 days or more are disabled. */
const UNUSED_DAYS = 45;

/** Days since a credential was last used, or since it came into being when it never was. */
function idleDays(
  lastUsed: string | undefined,
  since: string | undefined,
  now: string,
): { days: number; never: boolean } | undefined {
  if (lastUsed) return { days: daysBetween(lastUsed, now), never: false };
  if (since) return { days: daysBetween(since, now), never: true };
  return undefined;
}

function stale(user: IamUser, now: string, limit: number): string[] {
  const found: string[] = [];
  if (user.passwordEnabled) {
    const idle = idleDays(user.passwordLastUsed, user.passwordLastChanged ?? user.userCreationTime, now);
    if (idle && idle.days >= limit)
      found.push(
        idle.never
          ? `console password never used in ${idle.days} days`
          : `console password unused for ${idle.days} days`,
      );
  }
  for (const key of user.accessKeys.filter((k) => k.active)) {
    const idle = idleDays(key.lastUsed, key.lastRotated ?? user.userCreationTime, now);
    if (idle && idle.days >= limit)
      found.push(
        idle.never
          ? `access key ${key.slot} never used in ${idle.days} days`
          : `access key ${key.slot} unused for ${idle.days} days`,
      );
  }
  return found;
}

export default defineCheck({
  id: 'iam-user-unused-credentials',
  aliases: ['IAM.8', 'IAM.22', 'AVD-AWS-0144', 'AVD-AWS-0166'],
  service: 'iam',
  resource: 'iam-user',
  severity: 'medium',
  title: `IAM user credentials unused for ${UNUSED_DAYS} days or more are disabled`,
  description: `A console password or an active access key that nobody has used for ${UNUSED_DAYS} days (CIS; the \`days\` option changes it) is usually a forgotten one: it still works for whoever finds it, and nobody would notice its use. The credential report says when each password and access key was last used; a credential never used counts from its creation (the last password change or key rotation).`,
  remediation: {
    terraform: `# Remove the forgotten credential from the configuration that created it, e.g.:
resource "aws_iam_access_key" "ci" {
  user   = aws_iam_user.ci.name
  status = "Inactive" # then delete the resource once nothing uses it
}
# and drop aws_iam_user_login_profile for users who no longer sign in to the console`,
    cli: `aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive
aws iam delete-login-profile --user-name USER   # removes an unused console password`,
    console:
      'IAM console > Users > USER > Security credentials > Console sign-in: Manage > Disable console access; Access keys: Actions > Deactivate (delete it once nothing breaks).',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'CreateLoginProfile', 'DeleteLoginProfile'],
  options: z.strictObject({
    days: daysOption(UNUSED_DAYS, 'a console password or active access key unused for this many days or more fails'),
  }),
  evaluate(user, { state, options }) {
    const found = stale(user, reportNow(state), options.days);
    if (found.length > 0)
      return fail(`${user.name}: ${found.join('; ')} (disable credentials unused for ${options.days} days or more)`);
    const active = (user.passwordEnabled ? 1 : 0) + user.accessKeys.filter((k) => k.active).length;
    return pass(
      active === 0
        ? `${user.name} has no console password and no active access key`
        : `${user.name}'s credentials were all used in the last ${options.days} days`,
    );
  },
});
