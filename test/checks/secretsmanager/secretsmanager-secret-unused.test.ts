import check from '../../../src/checks/secretsmanager/secretsmanager-secret-unused.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_ARN, LIST_DENIED, secret, secretArn, secretsSnapshot } from './secretsmanager-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'read two days before the scan',
      snapshot: secretsSnapshot(secret('prod/db')),
      message: 'prod/db was read 2 day(s) ago',
    },
    {
      name: 'never read, created 12 days ago',
      snapshot: secretsSnapshot(
        secret('new/token', { LastAccessedDate: undefined, CreatedDate: '2026-11-10T00:00:00.000Z' }),
      ),
      message: 'new/token was created 12 day(s) ago and has not been read yet',
    },
  ],
  fail: [
    {
      name: 'last read in June',
      snapshot: secretsSnapshot(secret('old/api-key', { LastAccessedDate: '2026-06-01T00:00:00.000Z' })),
      arn: secretArn('old/api-key'),
      message: 'old/api-key was last read 174 days ago (more than 90)',
    },
    {
      name: 'never read since January',
      snapshot: secretsSnapshot(secret('forgotten', { LastAccessedDate: undefined })),
      message: 'forgotten was never read in the 315 days since it was created',
    },
  ],
  unknown: [
    {
      name: 'an entry without any date',
      snapshot: secretsSnapshot(secret('odd', { LastAccessedDate: undefined, CreatedDate: undefined })),
      message: 'odd has neither LastAccessedDate nor CreatedDate',
    },
    {
      name: "ListSecrets denied: the region's secrets are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on secretsmanager:ListSecrets',
    },
  ],
});
