import check from '../../../src/checks/account/account-security-contact-registered.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

const answering = (GetAlternateContact: unknown) =>
  snapshotOf({ account: { GetAlternateContact } } as Parameters<typeof snapshotOf>[0]);

testCheck(check, {
  pass: [
    {
      name: 'a SECURITY alternate contact is registered',
      snapshot: answering({
        AlternateContact: {
          AlternateContactType: 'SECURITY',
          EmailAddress: 'security@example.com',
          Name: 'Security team',
          PhoneNumber: '+1-555-0100',
          Title: 'CISO office',
        },
      }),
      message: 'security contact Security team <security@example.com> is registered',
    },
  ],
  fail: [
    {
      name: 'none registered (ResourceNotFoundException)',
      snapshot: answering(
        awsError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.'),
      ),
      message: 'no security contact is registered',
    },
  ],
  unknown: [
    {
      name: 'GetAlternateContact denied',
      snapshot: answering(
        awsError(
          'AccessDeniedException',
          `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: account:GetAlternateContact`,
        ),
      ),
      message: 'AccessDeniedException on account:GetAlternateContact',
    },
    {
      name: 'not collected (a snapshot from before the account service)',
      snapshot: snapshotOf({}),
      message: 'account:GetAlternateContact was not collected',
    },
  ],
});
