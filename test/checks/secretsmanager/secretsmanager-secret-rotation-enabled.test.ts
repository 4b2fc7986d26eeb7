import check from '../../../src/checks/secretsmanager/secretsmanager-secret-rotation-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_ARN, LIST_DENIED, rotating, secret, secretArn, secretsSnapshot } from './secretsmanager-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'rotation every 30 days',
      snapshot: secretsSnapshot(secret('prod/db', rotating('2026-11-15T23:59:59.000Z'))),
      message: 'prod/db rotates automatically (every 30 days)',
    },
    {
      name: 'rotation on a schedule expression',
      snapshot: secretsSnapshot(
        secret('prod/api', {
          ...rotating('2026-11-15T23:59:59.000Z'),
          RotationRules: { ScheduleExpression: 'rate(10 days)', Duration: '2h' },
        }),
      ),
      message: 'prod/api rotates automatically (rate(10 days))',
    },
  ],
  fail: [
    {
      name: 'never configured (no RotationEnabled field)',
      snapshot: secretsSnapshot(secret('legacy/token')),
      arn: secretArn('legacy/token'),
      message: 'legacy/token has automatic rotation turned off',
    },
    {
      name: 'rotation cancelled',
      snapshot: secretsSnapshot(secret('prod/db', { ...rotating('2026-05-01T00:00:00.000Z'), RotationEnabled: false })),
      message: 'prod/db has automatic rotation turned off',
    },
  ],
  unknown: [
    {
      name: "ListSecrets denied: the region's secrets are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on secretsmanager:ListSecrets',
    },
  ],
});
