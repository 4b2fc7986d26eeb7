import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { daysBetween } from '../iam/credential-age.ts';

/** The control's default `maxDaysSinceRotation`. */
const MAX_DAYS = 90;

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
    terraform: `resource "aws_secretsmanager_secret_rotation" "this" {
  secret_id           = aws_secretsmanager_secret.this.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}`,
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
    if (secret.lastRotatedDate !== undefined) {
      const days = daysBetween(secret.lastRotatedDate, state.collectedAt);
      if (days > MAX_DAYS) return fail(`${secret.name} was last rotated ${days} days ago (more than ${MAX_DAYS})`);
      return pass(`${secret.name} was rotated ${days} day(s) ago`);
    }
    if (secret.createdDate === undefined)
      return inconclusive(
        `${secret.name} has neither LastRotatedDate nor CreatedDate in ListSecrets`,
        'Secrets Manager did not say how old the secret is',
      );
    const age = daysBetween(secret.createdDate, state.collectedAt);
    if (age > MAX_DAYS) return fail(`${secret.name} was never rotated in the ${age} days since it was created`);
    return pass(`${secret.name} was created ${age} day(s) ago and is not due for rotation yet`);
  },
});
