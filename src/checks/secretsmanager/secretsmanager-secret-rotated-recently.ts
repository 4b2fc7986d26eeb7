import { defineCheck } from '../define-check.ts';
import { ROTATION_TERRAFORM, judgeSecretAge } from './secret-age.ts';

export default defineCheck({
  id: 'secretsmanager-secret-rotated-recently',
  aliases: ['SecretsManager.4', 'secretsmanager_secret_rotated_periodically'],
  service: 'secretsmanager',
  resource: 'secretsmanager-secret',
  severity: 'medium',
  title: 'Secrets Manager secrets were rotated within the last 90 days',
  description:
    'A secret that has not changed for months is more likely to have leaked somewhere it is still valid. The check reads `LastRotatedDate` from ListSecrets and fails when it is more than 90 days before the scan, or when a secret created more than 90 days ago was never rotated. A secret younger than 90 days passes. Rotation being enabled is not enough: a failing rotation function leaves the old value in place. Security Hub SecretsManager.4.',
  remediation: {
    terraform: ROTATION_TERRAFORM,
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET --region REGION\n# (rotates now with the configured function; check its CloudWatch logs when LastRotatedDate does not move)',
    console:
      'Secrets Manager console (in the region) > Secrets > SECRET > Rotation > Rotate secret immediately (and Edit rotation to set a schedule).',
  },
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-4',
  ],
  needs: ['secretsmanager:ListSecrets'],
  triggers: ['CreateSecret', 'RotateSecret'],
  evaluate(secret, { state }) {
    return judgeSecretAge(secret, state.collectedAt, {
      field: 'LastRotatedDate',
      last: secret.lastRotatedDate,
      done: 'rotated',
      never: 'rotated',
      notYet: 'is not due for rotation yet',
    });
  },
});
