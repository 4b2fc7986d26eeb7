import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** CIS 1.8 and 1.9: at least 14 characters, none of the last 24 passwords again. */
const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;

export default defineCheck({
  id: 'iam-password-policy-strong',
  aliases: ['IAM.15', 'IAM.16', 'AVD-AWS-0063', 'AVD-AWS-0056'],
  service: 'iam',
  resource: 'account',
  severity: 'medium',
  title: 'The IAM password policy requires 14 characters and prevents reuse of the last 24 passwords',
  description:
    'The account password policy applies to every IAM user with a console password. Without one, AWS accepts any 8-character password and users can reuse old ones. CIS requires a minimum length of 14 (1.8) and preventing reuse of previous passwords (1.9, 24 remembered); Security Hub controls IAM.15 and IAM.16 (CIS standard) ask the same. Missing character classes are reported as well.',
  remediation: {
    terraform: `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}`,
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --allow-users-to-change-password',
    console:
      'IAM console > Account settings > Password policy > Edit > Custom > Password minimum length 14, require at least one uppercase, lowercase, number and non-alphanumeric character, Prevent password reuse: 24 > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16',
  ],
  needs: ['iam:GetAccountPasswordPolicy'],
  triggers: ['UpdateAccountPasswordPolicy', 'DeleteAccountPasswordPolicy'],
  evaluate(_account, { state }) {
    const policy = known(state.iam.passwordPolicy);
    if (!policy)
      return fail(
        'the account has no password policy (NoSuchEntity): IAM accepts any password of 8 characters or more, and reuse',
      );
    const problems: string[] = [];
    if ((policy.minimumLength ?? 8) < MIN_LENGTH)
      problems.push(`minimum length is ${policy.minimumLength ?? 8} (needs ${MIN_LENGTH})`);
    if ((policy.reusePrevention ?? 0) < MIN_REUSE_PREVENTION) {
      problems.push(
        policy.reusePrevention
          ? `only the last ${policy.reusePrevention} passwords are remembered (needs ${MIN_REUSE_PREVENTION})`
          : 'password reuse is not prevented',
      );
    }
    const classes = [
      ['uppercase', policy.requireUppercase],
      ['lowercase', policy.requireLowercase],
      ['numbers', policy.requireNumbers],
      ['symbols', policy.requireSymbols],
    ].flatMap(([name, required]) => (required ? [] : [name as string]));
    if (problems.length > 0) {
      const also = classes.length > 0 ? `; also not required: ${classes.join(', ')}` : '';
      return fail(`the password policy is too weak: ${problems.join('; ')}${also}`);
    }
    const note = classes.length > 0 ? ` (not required: ${classes.join(', ')})` : '';
    return pass(
      `passwords need ${policy.minimumLength} characters and the last ${policy.reusePrevention} cannot be reused${note}`,
    );
  },
});
