import { z } from 'zod';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { daysOption } from '../options.ts';
import { known } from '../read.ts';
import { daysBetween, reportNow } from './credential-age.ts';

/** A root sign-in or root key use this recent is treated as routine use (the `days` option changes it). */
const RECENT_DAYS = 30;

export default defineCheck({
  id: 'iam-root-not-used-recently',
  aliases: ['AVD-AWS-0140', 'iam_avoid_root_usage'],
  service: 'iam',
  resource: 'account',
  severity: 'high',
  title: `The root user was not used in the last ${RECENT_DAYS} days`,
  description: `The root user is for the few tasks only it can do (closing the account, changing the support plan, restoring an IAM administrator). Using it for daily work spreads a credential no policy can restrict (CIS AWS 1.7 in v3.0, 1.6 in v5.0: eliminate use of the root user for administrative and daily tasks). The credential report's \`<root_account>\` row says when the root password and each root access key were last used; any use in the last ${RECENT_DAYS} days (the \`days\` option) fails.`,
  remediation: {
    terraform:
      '# Root usage is a practice, not a resource: give administrators IAM Identity Center or IAM roles, e.g.\nresource "aws_iam_role" "admin" {\n  name               = "admin"\n  assume_role_policy = data.aws_iam_policy_document.trusted_admins.json\n}',
    cli: '# See when root was last used:\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | grep "<root_account>"',
    console:
      'IAM console > Credential report > Download: check password_last_used and access_key_*_last_used_date of <root_account>. Create administrators in IAM Identity Center (or IAM roles), lock the root credentials away, and look up what the root user did in CloudTrail (userIdentity.type = Root).',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['ConsoleLogin', 'CreateAccessKey', 'UpdateAccessKey'],
  options: z.strictObject({
    days: daysOption(RECENT_DAYS, 'a root sign-in or root access key use within this many days fails'),
  }),
  evaluate(_account, { state, options }) {
    const root = known(state.iam.credentialReport)?.root;
    if (!root)
      return inconclusive(
        'the credential report has no <root_account> row',
        'the report IAM wrote always has one: this report is incomplete',
      );
    const now = reportNow(state);
    const uses = [
      { what: 'root password (console sign-in)', at: root.passwordLastUsed },
      ...root.accessKeys.map((k) => ({ what: `root access key ${k.slot}`, at: k.lastUsed })),
    ].flatMap((u) => (u.at ? [{ what: u.what, days: daysBetween(u.at, now) }] : []));
    const recent = uses.filter((u) => u.days < options.days);
    if (recent.length > 0)
      return fail(
        `the root user was used in the last ${options.days} days: ${recent.map((u) => `${u.what} ${u.days} day(s) ago`).join('; ')}`,
      );
    if (uses.length === 0) return pass('the credential report shows no use of the root user');
    const last = Math.min(...uses.map((u) => u.days));
    return pass(`the root user was last used ${last} days ago (none in the last ${options.days} days)`);
  },
});
