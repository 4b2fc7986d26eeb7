import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'iam-user-no-setup-access-keys',
  aliases: ['iam_user_no_setup_initial_access_key'],
  service: 'iam',
  resource: 'iam-user',
  severity: 'medium',
  title: 'Console users have no active access key that was never used',
  description:
    'The console used to create an access key with every new user by default. A key made "just in case" at setup and never used is a long-term secret nobody needs: it sits in a downloaded CSV or a password manager until it leaks (CIS AWS 1.11 in v3.0, 1.10 in v5.0). The benchmark audits it from the credential report: a user with a console password and an active access key whose last use is N/A fails.',
  remediation: {
    terraform:
      '# Create access keys only for the workloads that need them (better: roles), never together with a console user:\n# remove the aws_iam_access_key resource of a user that also has an aws_iam_user_login_profile.',
    cli: 'aws iam list-access-keys --user-name USER\naws iam delete-access-key --user-name USER --access-key-id AKIA...',
    console:
      'IAM console > Users > USER > Security credentials > Access keys: a key whose "Last used" is "Never": Actions > Deactivate, then Delete.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
  needs: ['iam:GetCredentialReport'],
  triggers: ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'CreateLoginProfile', 'DeleteLoginProfile'],
  evaluate(user) {
    if (user.passwordEnabled !== true) return pass(`${user.name} has no console password`);
    const unused = user.accessKeys.filter((k) => k.active && k.lastUsed === undefined);
    if (unused.length > 0)
      return fail(
        `${user.name} has a console password and active access key ${unused.map((k) => k.slot).join(' and ')} that was never used: delete keys nobody uses`,
      );
    const active = user.accessKeys.filter((k) => k.active).length;
    return pass(
      active === 0
        ? `${user.name} has no active access key`
        : `${user.name}'s active access key${active > 1 ? 's were' : ' was'} used`,
    );
  },
});
