import check from '../../../src/checks/iam/iam-support-role-exists.ts';
import { testCheck } from '../../support/check-tester.ts';
import { iamSnapshot, SUPPORT_ARN } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const entities = (e: {
  PolicyGroups?: { GroupName: string }[];
  PolicyUsers?: { UserName: string }[];
  PolicyRoles?: { RoleName: string }[];
}) =>
  iamSnapshot({
    ListEntitiesForPolicy: {
      [SUPPORT_ARN]: { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], IsTruncated: false, ...e },
    },
  });

testCheck(check, {
  pass: [{ name: 'attached to a role', snapshot: iamSnapshot(), message: 'role(s) aws-support' }],
  fail: [
    { name: 'attached to nobody', snapshot: entities({}), message: 'nobody has AWSSupportAccess' },
    {
      name: 'attached to a user only',
      snapshot: entities({ PolicyUsers: [{ UserName: 'ops' }] }),
      message: 'user ops but to no role',
    },
  ],
  unknown: [
    {
      name: 'ListEntitiesForPolicy denied',
      snapshot: iamSnapshot({ ListEntitiesForPolicy: { [SUPPORT_ARN]: awsError('AccessDenied', 'not authorized') } }),
      message: 'AccessDenied on iam:ListEntitiesForPolicy',
    },
    {
      name: 'not collected',
      snapshot: iamSnapshot({ ListEntitiesForPolicy: undefined }),
      message: 'iam:ListEntitiesForPolicy was not collected',
    },
  ],
});
