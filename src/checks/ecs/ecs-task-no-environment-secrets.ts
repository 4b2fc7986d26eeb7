import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** The names AWS Config's ecs-no-environment-secrets rule (behind ECS.8) looks for, whatever their value. */
const CREDENTIAL_NAMES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA']);

/** A name that says its value is a secret: `DB_PASSWORD`, `STRIPE_SECRET`, `API_KEY`, `GITHUB_TOKEN`… */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|KEY)$/i;

/**
 * Values that point at a secret rather than hold one: an ARN, a CloudFormation dynamic reference, an
 * unexpanded template variable, or nothing.
 */
function isReference(value: string): boolean {
  const v = value.trim();
  return v === '' || v.startsWith('arn:') || v.startsWith('{{resolve:') || /^\$\{[^}]+\}$/.test(v);
}

/** Why an environment variable holds a secret in plain text, or undefined. */
function plaintextSecret(variable: { name: string; value: string }): string | undefined {
  if (CREDENTIAL_NAMES.has(variable.name.toUpperCase())) return variable.name;
  if (SECRET_NAME.test(variable.name) && !isReference(variable.value)) return variable.name;
  return undefined;
}

export default defineCheck({
  id: 'ecs-task-no-environment-secrets',
  aliases: ['ECS.8', 'AVD-AWS-0036', 'ecs_task_definitions_no_environment_secrets'],
  service: 'ecs',
  resource: 'ecs-task-definition',
  severity: 'high',
  title: 'ECS task definitions pass no secrets as plain environment variables',
  description:
    "Environment values are stored in the task definition in plain text: anyone allowed `ecs:DescribeTaskDefinition` reads them, and they end up in logs and `docker inspect`. Secrets belong in the container's `secrets` (Secrets Manager or Parameter Store, fetched at start). The check reads the latest ACTIVE revision of every task definition family and fails when a container's `environment` holds `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` or `ECS_ENGINE_AUTH_DATA` (the names Security Hub ECS.8 looks for), or a variable named like a secret (`*_PASSWORD`, `*_SECRET`, `*_TOKEN`, `*_KEY`…) with a literal value; a value that is an ARN, a `{{resolve:…}}` reference, a `${…}` placeholder or empty is not a secret. Only names are reported, never values.",
  remediation: {
    terraform: `resource "aws_ecs_task_definition" "this" {
  family             = "web"
  execution_role_arn = aws_iam_role.task_execution.arn # allowed secretsmanager:GetSecretValue on the secret
  container_definitions = jsonencode([{
    name  = "web"
    image = "public.ecr.aws/nginx/nginx:stable"
    secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
  }])
}`,
    cli: '# store the value, then register a revision that reads it through "secrets" instead of "environment"\naws secretsmanager create-secret --name web/db-password --secret-string file://password.txt --region REGION\naws ecs register-task-definition --cli-input-json file://task-definition.json --region REGION',
    console:
      "Amazon ECS console (in the region) > Task definitions > FAMILY > Create new revision > CONTAINER > Environment variables: change the variable's type from Value to ValueFrom with the secret's ARN > Create. Rotate the exposed secret: older revisions keep the value.",
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8',
  ],
  needs: ['ecs:DescribeTaskDefinition'],
  triggers: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'],
  evaluate(task) {
    const found = (known(task.containers) ?? []).flatMap((c) =>
      c.environment.flatMap((variable) => {
        const name = plaintextSecret(variable);
        return name === undefined ? [] : [`${c.name}: ${name}`];
      }),
    );
    if (found.length > 0)
      return fail(`${task.name} passes secrets as plain environment variables (${found.join(', ')})`);
    return pass(`${task.name} passes no secret as a plain environment variable`);
  },
});
