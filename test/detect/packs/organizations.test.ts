import { expect, it } from 'vitest';
import { firedRules } from '../engine/support.ts';
import {
  builtinMatcher,
  cloudTrailRecord,
  describePack,
  OTHER_ACCOUNT,
  readOnly,
  stratusRecord,
} from './pack-cases.ts';

const memberAdmin = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEADMINROLE:bob',
  arn: 'arn:aws:sts::111122223333:assumed-role/admin/bob',
  accountId: '111122223333',
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAEXAMPLEADMINROLE',
      arn: 'arn:aws:iam::111122223333:role/admin',
      accountId: '111122223333',
      userName: 'admin',
    },
    attributes: { creationDate: '2024-09-12T10:10:00Z', mfaAuthenticated: 'true' },
  },
};
const leave = cloudTrailRecord('organizations.amazonaws.com', 'LeaveOrganization', null, null, {
  userIdentity: memberAdmin,
});
const leaveRefused = {
  ...leave,
  errorCode: 'AccessDeniedException',
  errorMessage: `User: ${memberAdmin.arn} is not authorized to perform: organizations:LeaveOrganization on resource: * with an explicit deny in a service control policy`,
};
const remove = cloudTrailRecord('organizations.amazonaws.com', 'RemoveAccountFromOrganization', {
  accountId: OTHER_ACCOUNT,
});

describePack('organizations.yaml', [
  {
    rule: 'Account Left Organization',
    fires: leave,
    quiet: [
      [leaveRefused, 'the attempt was refused (its own rule)'],
      [readOnly(leave, 'DescribeOrganization'), 'read-only call'],
    ],
  },
  {
    rule: 'Leaving Organization Attempted',
    fires: leaveRefused,
    attempt: true,
    quiet: [
      [leave, 'the account did leave (the CRITICAL rule says so)'],
      [{ ...readOnly(leave, 'DescribeOrganization'), errorCode: 'AccessDeniedException' }, 'a refused read'],
    ],
  },
  {
    rule: 'Leaving Organization Attempted',
    fires: stratusRecord('aws.defense-evasion.organizations-leave', 'LeaveOrganization'),
    attempt: true,
    quiet: [],
  },
  {
    rule: 'Account Removed From Organization',
    fires: remove,
    quiet: [
      [
        {
          ...remove,
          eventName: 'InviteAccountToOrganization',
          requestParameters: { target: { id: OTHER_ACCOUNT, type: 'ACCOUNT' } },
        },
        'an account invited',
      ],
      [readOnly(remove, 'ListAccounts'), 'read-only call'],
    ],
  },
]);

it('reports a refused attempt to leave once, not as a departure', () => {
  expect(firedRules(builtinMatcher, JSON.stringify(leaveRefused))).toEqual(['Leaving Organization Attempted']);
});
