import check from '../../../src/checks/iam/iam-password-policy-strong.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const withPolicy = (PasswordPolicy: Record<string, unknown>) =>
  iamSnapshot({ GetAccountPasswordPolicy: { PasswordPolicy } });

testCheck(check, {
  pass: [
    {
      name: '14 characters, 24 remembered, every class',
      snapshot: iamSnapshot(),
      message: 'passwords need 14 characters and the last 24 cannot be reused',
    },
    {
      name: 'length and reuse meet CIS, symbols not required (noted)',
      snapshot: withPolicy({
        MinimumPasswordLength: 16,
        PasswordReusePrevention: 24,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
      }),
      message: 'not required: symbols',
    },
  ],
  fail: [
    {
      name: 'no password policy (NoSuchEntity)',
      snapshot: iamSnapshot({
        GetAccountPasswordPolicy: awsError(
          'NoSuchEntity',
          'The Password Policy with domain name 123456789012 cannot be found.',
        ),
      }),
      message: 'has no password policy (NoSuchEntity)',
    },
    {
      name: 'the console default-like policy: 8 characters, no reuse prevention',
      snapshot: withPolicy({
        MinimumPasswordLength: 8,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
      }),
      message: 'minimum length is 8 (needs 14); password reuse is not prevented',
    },
    {
      name: 'long enough, only 5 remembered',
      snapshot: withPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 5 }),
      message: 'only the last 5 passwords',
    },
  ],
  unknown: [
    {
      name: 'GetAccountPasswordPolicy denied',
      snapshot: iamSnapshot({
        GetAccountPasswordPolicy: awsError('AccessDenied', 'not authorized to perform: iam:GetAccountPasswordPolicy'),
      }),
      message: 'AccessDenied on iam:GetAccountPasswordPolicy',
    },
  ],
});
