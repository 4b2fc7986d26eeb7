import { defineCheck } from '../define-check.ts';
import { judgeSecretAge } from './secret-age.ts';

export default defineCheck({
  id: 'secretsmanager-secret-unused',
  aliases: ['SecretsManager.3', 'secretsmanager_secret_unused'],
  service: 'secretsmanager',
  resource: 'secretsmanager-secret',
  severity: 'medium',
  title: 'Secrets Manager secrets were read within the last 90 days',
  description:
    'A secret nobody has read for 90 days is probably a leftover: it still grants whatever its credential opens, costs money and widens what an attacker with `GetSecretValue` can reach. The check reads `LastAccessedDate` (a day, not a time) from ListSecrets and fails when it is more than 90 days before the scan, or when a secret created more than 90 days ago was never read. Security Hub SecretsManager.3.',
  remediation: {
    terraform:
      '# Remove the aws_secretsmanager_secret resource of the unused secret (after checking no application still needs it), with a recovery window:\n#   recovery_window_in_days = 30',
    cli: 'aws secretsmanager delete-secret --secret-id SECRET --recovery-window-in-days 30 --region REGION',
    console:
      'Secrets Manager console (in the region) > Secrets > SECRET > Actions > Delete secret > a waiting period (7 to 30 days) > Schedule deletion.',
  },
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-3',
  ],
  needs: ['secretsmanager:ListSecrets'],
  // reads move LastAccessedDate: GetSecretValue and BatchGetSecretValue are management events
  triggers: ['CreateSecret', 'GetSecretValue', 'BatchGetSecretValue', 'DeleteSecret', 'RestoreSecret'],
  evaluate(secret, { state }) {
    return judgeSecretAge(secret, state.collectedAt, {
      field: 'LastAccessedDate',
      last: secret.lastAccessedDate,
      done: 'read',
      never: 'read',
      notYet: 'has not been read yet',
    });
  },
});
