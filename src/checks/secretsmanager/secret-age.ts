import { fail, inconclusive, pass, type Verdict } from '../define-check.ts';
import { daysBetween } from '../iam/credential-age.ts';
import type { SecretsmanagerSecret } from '../../services/secretsmanager/state.ts';

/** Rotation as Terraform declares it: both rotation checks are fixed by the same resource. */
export const ROTATION_TERRAFORM = `resource "aws_secretsmanager_secret_rotation" "this" {
  secret_id           = aws_secretsmanager_secret.this.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}`;

/**
 * How long ago something last happened to a secret (`last`), against the controls' 90-day default. A secret that
 * never had it happen is judged by its age: one younger than the limit is not yet overdue.
 */
export function judgeSecretAge(
  secret: SecretsmanagerSecret,
  collectedAt: string,
  event: { field: string; last: string | undefined; done: string; never: string; notYet: string },
  maxDays = 90,
): Verdict {
  if (event.last !== undefined) {
    const days = daysBetween(event.last, collectedAt);
    if (days > maxDays) return fail(`${secret.name} was last ${event.done} ${days} days ago (more than ${maxDays})`);
    return pass(`${secret.name} was ${event.done} ${days} day(s) ago`);
  }
  if (secret.createdDate === undefined)
    return inconclusive(
      `${secret.name} has neither ${event.field} nor CreatedDate in ListSecrets`,
      'Secrets Manager did not say how old the secret is',
    );
  const age = daysBetween(secret.createdDate, collectedAt);
  if (age > maxDays) return fail(`${secret.name} was never ${event.never} in the ${age} days since it was created`);
  return pass(`${secret.name} was created ${age} day(s) ago and ${event.notYet}`);
}
