import { z } from 'zod';
import { defineCheck, fail, pass } from '../define-check.ts';
import { daysOption } from '../options.ts';
import { daysBetween, reportNow } from './credential-age.ts';

/** CIS 1.14 and FSBP IAM.3: access keys are rotated every 90 days or less. */
const MAX_AGE_DAYS = 90;

export default defineCheck({
  id: 'iam-user-access-keys-rotated',
  aliases: ['IAM.3', 'AVD-AWS-0146'],
  service: 'iam',
  resource: 'iam-user',
  severity: 'medium',
  title: `Active access keys of IAM users are rotated within ${MAX_AGE_DAYS} days`,
  description: `Long-lived access keys end up in CI settings, laptops and old repositories. Rotating them every ${MAX_AGE_DAYS} days (CIS; the \`days\` option changes it) limits how long a leaked key works. The credential report says when each active key was created or last rotated. Better still, replace access keys with roles (IAM Identity Center, instance profiles, OIDC for CI).`,
  remediation: {
    terraform: `# Rotate by creating the new key, switching the consumer to it, then removing the old one:
resource "aws_iam_access_key" "ci_2026" {
  user = aws_iam_user.ci.name
}`,
    cli: `aws iam create-access-key --user-name USER
# update whatever uses the old key, then:
aws iam update-access-key --user-name USER --access-key-id OLD_KEY_ID --status Inactive
aws iam delete-access-key --user-name USER --access-key-id OLD_KEY_ID`,
    console:
      'IAM console > Users > USER > Security credentials > Access keys > Create access key; move the application to it; then Actions > Deactivate and Delete on the old key.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey'],
  options: z.strictObject({
    days: daysOption(MAX_AGE_DAYS, 'an active access key created or last rotated more than this many days ago fails'),
  }),
  evaluate(user, { state, options }) {
    const now = reportNow(state);
    const active = user.accessKeys.filter((k) => k.active);
    if (active.length === 0) return pass(`${user.name} has no active access key`);
    const old = active.flatMap((k) => {
      const since = k.lastRotated ?? user.userCreationTime;
      const age = since ? daysBetween(since, now) : undefined;
      return age === undefined || age > options.days
        ? [`access key ${k.slot} is ${age === undefined ? 'of unknown age' : `${age} days old`}`]
        : [];
    });
    if (old.length > 0) return fail(`${user.name}: ${old.join('; ')} (rotate within ${options.days} days)`);
    return pass(`${user.name}'s active access keys were rotated within ${options.days} days`);
  },
});
