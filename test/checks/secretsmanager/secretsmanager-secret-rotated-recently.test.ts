import check from '../../../src/checks/secretsmanager/secretsmanager-secret-rotated-recently.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_ARN, LIST_DENIED, rotating, secret, secretArn, secretsSnapshot } from './secretsmanager-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'rotated a week before the scan',
      snapshot: secretsSnapshot(secret('prod/db', rotating('2026-11-15T00:00:00.000Z'))),
      message: 'prod/db was rotated 7 day(s) ago',
    },
    {
      name: 'never rotated but created 12 days ago',
      snapshot: secretsSnapshot(secret('new/token', { CreatedDate: '2026-11-10T00:00:00.000Z' })),
      message: 'new/token was created 12 day(s) ago and is not due for rotation yet',
    },
  ],
  fail: [
    {
      name: 'rotation enabled but last rotated in May (a failing rotation function)',
      snapshot: secretsSnapshot(secret('prod/db', rotating('2026-05-01T00:00:00.000Z'))),
      arn: secretArn('prod/db'),
      message: 'prod/db was last rotated 205 days ago (more than 90)',
    },
    {
      name: 'never rotated since January',
      snapshot: secretsSnapshot(secret('legacy/token')),
      message: 'legacy/token was never rotated in the 315 days since it was created',
    },
  ],
  unknown: [
    {
      name: 'an entry without any date',
      snapshot: secretsSnapshot(secret('odd', { CreatedDate: undefined })),
      message: 'odd has neither LastRotatedDate nor CreatedDate',
    },
    {
      name: "ListSecrets denied: the region's secrets are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on secretsmanager:ListSecrets',
    },
  ],
});
