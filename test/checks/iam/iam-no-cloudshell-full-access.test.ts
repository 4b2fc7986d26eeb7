import check from '../../../src/checks/iam/iam-no-cloudshell-full-access.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  attached,
  authorizationDetails,
  groupDetail,
  iamSnapshot,
  roleDetail,
  userDetail,
} from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const CLOUDSHELL = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';
const details = (extra: Partial<ReturnType<typeof authorizationDetails>>) =>
  iamSnapshot({ GetAccountAuthorizationDetails: { ...authorizationDetails(), ...extra } });
const ALICE = 'arn:aws:iam::123456789012:user/alice';
const OPS = 'arn:aws:iam::123456789012:role/ops';

testCheck(check, {
  pass: [
    { name: 'alice does not have it', snapshot: iamSnapshot(), arn: ALICE, message: 'user alice does not have' },
    {
      name: 'a customer managed policy with the same name is not the AWS managed one',
      snapshot: details({
        UserDetailList: [
          userDetail('alice', {
            AttachedManagedPolicies: [attached('arn:aws:iam::123456789012:policy/AWSCloudShellFullAccess')],
          }),
        ],
      }),
      arn: ALICE,
    },
  ],
  fail: [
    {
      name: 'attached to a user',
      snapshot: details({
        UserDetailList: [userDetail('alice', { AttachedManagedPolicies: [attached(CLOUDSHELL)] })],
      }),
      arn: ALICE,
      message: 'user alice has AWSCloudShellFullAccess (attached directly)',
    },
    {
      name: "through the user's group",
      snapshot: details({
        UserDetailList: [userDetail('alice', { GroupList: ['shell-users'] })],
        GroupDetailList: [groupDetail('shell-users', { AttachedManagedPolicies: [attached(CLOUDSHELL)] })],
      }),
      arn: ALICE,
      message: 'user alice has AWSCloudShellFullAccess (through group shell-users)',
    },
    {
      name: 'attached to a role in the aws-cn partition',
      snapshot: details({
        RoleDetailList: [
          roleDetail('ops', {
            AttachedManagedPolicies: [attached('arn:aws-cn:iam::aws:policy/AWSCloudShellFullAccess')],
          }),
        ],
      }),
      arn: OPS,
      message: 'role ops has AWSCloudShellFullAccess (attached directly)',
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
