import check from '../../../src/checks/iam/iam-policies-attached-to-groups-or-roles.ts';
import { testCheck } from '../../support/check-tester.ts';
import { attached, authorizationDetails, iamSnapshot, inlinePolicy, userDetail } from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const withAlice = (alice: ReturnType<typeof userDetail>) =>
  iamSnapshot({ GetAccountAuthorizationDetails: { ...authorizationDetails(), UserDetailList: [alice] } });
const ALICE = 'arn:aws:iam::123456789012:user/alice';
const READ_ONLY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

testCheck(check, {
  pass: [
    {
      name: 'alice gets her permissions from group developers only',
      snapshot: iamSnapshot(),
      arn: ALICE,
      message: 'alice has no policy of its own (only through groups)',
    },
    {
      name: 'a role with an attached policy: roles are where policies belong',
      snapshot: iamSnapshot(),
      arn: 'arn:aws:iam::123456789012:role/deploy',
      message: 'role deploy: roles are meant to hold policies',
    },
    {
      name: 'a user with no policy at all and no group',
      snapshot: withAlice(userDetail('alice')),
      arn: ALICE,
      message: 'no policy of its own',
    },
  ],
  fail: [
    {
      name: 'an AWS managed policy attached to the user',
      snapshot: withAlice(
        userDetail('alice', {
          GroupList: ['developers'],
          AttachedManagedPolicies: [attached('arn:aws:iam::aws:policy/ReadOnlyAccess')],
        }),
      ),
      arn: ALICE,
      message: 'alice has 1 policy of its own: ReadOnlyAccess (attached)',
    },
    {
      name: 'an inline user policy and a customer managed one',
      snapshot: withAlice(
        userDetail('alice', {
          UserPolicyList: [inlinePolicy('get-objects', READ_ONLY)],
          AttachedManagedPolicies: [attached('arn:aws:iam::123456789012:policy/deploy-site')],
        }),
      ),
      arn: ALICE,
      message: 'alice has 2 policies of its own: get-objects (inline), deploy-site (attached)',
    },
  ],
  unknown: [
    {
      name: 'GetAccountAuthorizationDetails denied',
      snapshot: iamSnapshot({
        GetAccountAuthorizationDetails: awsError(
          'AccessDenied',
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetAccountAuthorizationDetails',
        ),
      }),
      arn: 'arn:aws:iam::123456789012:user/*',
      message: 'AccessDenied on iam:GetAccountAuthorizationDetails',
    },
  ],
});
