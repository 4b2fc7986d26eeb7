import { defineCheck, fail, pass } from '../define-check.ts';
import { ROTATION_TERRAFORM } from './secret-age.ts';

export default defineCheck({
  id: 'secretsmanager-secret-rotation-enabled',
  aliases: ['SecretsManager.1', 'secretsmanager_automatic_rotation_enabled'],
  service: 'secretsmanager',
  resource: 'secretsmanager-secret',
  severity: 'medium',
  title: 'Secrets Manager secrets have automatic rotation enabled',
  description:
    'Automatic rotation replaces a secret on a schedule, which limits how long a leaked credential stays usable. The check reads `RotationEnabled` from ListSecrets (absent on a secret that never had rotation configured) and fails when rotation is off. Security Hub SecretsManager.1.',
  remediation: {
    terraform: ROTATION_TERRAFORM,
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET --rotation-lambda-arn ROTATION_FUNCTION_ARN --rotation-rules AutomaticallyAfterDays=30 --region REGION',
    console:
      'Secrets Manager console (in the region) > Secrets > SECRET > Rotation > Edit rotation > Automatic rotation: on, a schedule and a rotation function > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1',
  ],
  needs: ['secretsmanager:ListSecrets'],
  triggers: ['CreateSecret', 'RotateSecret', 'CancelRotateSecret'],
  evaluate(secret) {
    if (secret.rotationEnabled)
      return pass(
        `${secret.name} rotates automatically${secret.rotationSchedule === undefined ? '' : ` (${secret.rotationSchedule})`}`,
      );
    return fail(`${secret.name} has automatic rotation turned off`);
  },
});
