import check from '../../../src/checks/ecs/ecs-task-no-environment-secrets.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import { REGION, container, denied, describeTask, oneTask, taskArn } from './ecs-builders.ts';

const withEnvironment = (...environment: { name: string; value: string }[]) =>
  oneTask('web', 2, describeTask('web', 2, [container('web', { environment })]));
const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:web/db-AbCdEf`;

testCheck(check, {
  pass: [
    {
      name: 'secrets passed through `secrets`, plain settings in `environment`',
      snapshot: oneTask(
        'web',
        2,
        describeTask('web', 2, [
          container('web', {
            environment: [
              { name: 'LOG_LEVEL', value: 'info' },
              { name: 'CACHE_KEY_PREFIX', value: 'web:' },
            ],
            secrets: [{ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }],
          }),
        ]),
      ),
      message: 'web:2 passes no secret as a plain environment variable',
    },
    {
      name: 'secret-like names holding references, not values',
      snapshot: withEnvironment(
        { name: 'DB_SECRET', value: SECRET_ARN },
        { name: 'API_KEY', value: '{{resolve:secretsmanager:web/api:SecretString:key}}' },
        { name: 'SESSION_TOKEN', value: '${SESSION_TOKEN}' },
        { name: 'ADMIN_PASSWORD', value: '' },
        { name: 'DB_PASSWORD_ARN', value: 'web/db' },
      ),
      message: 'passes no secret',
    },
  ],
  fail: [
    {
      name: 'AWS access keys in the environment (the names ECS.8 looks for)',
      snapshot: withEnvironment(
        { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' },
        { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      ),
      arn: taskArn('web', 2),
      message:
        'web:2 passes secrets as plain environment variables (web: AWS_ACCESS_KEY_ID, web: AWS_SECRET_ACCESS_KEY)',
    },
    {
      name: 'a literal database password',
      snapshot: withEnvironment({ name: 'DB_PASSWORD', value: 'hunter2-prod' }),
      message: '(web: DB_PASSWORD)',
    },
  ],
  unknown: [
    {
      name: 'DescribeTaskDefinition denied',
      snapshot: oneTask('web', 1, denied('DescribeTaskDefinition')),
      message: 'AccessDeniedException on ecs:DescribeTaskDefinition',
    },
  ],
});
