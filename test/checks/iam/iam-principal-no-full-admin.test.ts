import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCheckConfig } from '../../../src/checks/config.ts';
import { runChecks } from '../../../src/checks/engine.ts';
import { UserError } from '../../../src/errors.ts';
import check from '../../../src/checks/iam/iam-principal-no-full-admin.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { validateSnapshot } from '../../../src/model/snapshot.ts';
import type { IamSection } from '../../../src/services/iam/schema.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  ADMIN_ARN,
  ADMIN_DOCUMENT,
  attached,
  authorizationDetails,
  groupDetail,
  hardenedIam,
  iamSnapshot,
  inlinePolicy,
  roleDetail,
  userDetail,
  withManagedPolicy,
} from '../../support/iam-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ACCOUNT = '123456789012';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const SUPPORT_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-support`;
const SERVICE_LINKED = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/BreakGlassAdmin`;
const DEPLOY_SITE = `arn:aws:iam::${ACCOUNT}:policy/deploy-site`;

type Details = ReturnType<typeof authorizationDetails>;
const statement = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [s] });

/** The hardened account with its authorization details changed (and AdministratorAccess attached somewhere, listed). */
function withDetails(
  change: (details: Details) => Details,
  section: IamSection = withManagedPolicy(hardenedIam(), ADMIN_ARN, ADMIN_DOCUMENT),
) {
  return iamSnapshot({ ...section, GetAccountAuthorizationDetails: change(authorizationDetails()) });
}

const replaceRole = (details: Details, role: ReturnType<typeof roleDetail>): Details => ({
  ...details,
  RoleDetailList: [...(details.RoleDetailList ?? []).filter((r) => r.RoleName !== role.RoleName), role],
});
const replaceUser = (details: Details, user: ReturnType<typeof userDetail>): Details => ({
  ...details,
  UserDetailList: [user],
});

testCheck(check, {
  pass: [
    {
      name: 'a user whose group has a read-only inline policy',
      snapshot: iamSnapshot(),
      arn: ALICE,
      message: 'user alice has no policy that allows "*" on "*" (1 policy read)',
    },
    {
      name: 'a role with a least-privilege customer managed policy',
      snapshot: iamSnapshot(),
      arn: DEPLOY,
      message: 'role deploy',
    },
    { name: 'the support role: support:* on "*" is not every action', snapshot: iamSnapshot(), arn: SUPPORT_ROLE },
    {
      name: 'a service-linked role is AWS-defined, whatever it has',
      snapshot: withDetails((d) =>
        replaceRole(
          d,
          roleDetail('AWSServiceRoleForSupport', {
            Path: '/aws-service-role/support.amazonaws.com/',
            AttachedManagedPolicies: [attached(ADMIN_ARN)],
          }),
        ),
      ),
      arn: SERVICE_LINKED,
      message: 'role AWSServiceRoleForSupport is a service-linked role',
    },
    {
      name: 'NotAction on "*" is not every action (noted for review)',
      snapshot: withDetails((d) =>
        replaceRole(
          d,
          roleDetail('deploy', {
            RolePolicyList: [
              inlinePolicy(
                'all-but-iam',
                statement({ Sid: 'NoIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
              ),
            ],
          }),
        ),
      ),
      arn: DEPLOY,
      message: 'review all-but-iam (inline) statement NoIam (NotAction)',
    },
    {
      name: 'a Deny of "*" on "*" grants nothing',
      snapshot: withDetails((d) =>
        replaceUser(
          d,
          userDetail('alice', {
            UserPolicyList: [inlinePolicy('deny-all', statement({ Effect: 'Deny', Action: '*', Resource: '*' }))],
          }),
        ),
      ),
      arn: ALICE,
    },
    {
      name: 'a snapshot from the CLI with no filter: documents from Policies (JSON, not URL-encoded)',
      snapshot: iamSnapshot({
        ListPolicies: undefined,
        GetPolicyVersion: undefined,
        GetAccountAuthorizationDetails: {
          ...authorizationDetails(),
          Policies: [
            {
              PolicyName: 'deploy-site',
              Arn: DEPLOY_SITE,
              DefaultVersionId: 'v2',
              AttachmentCount: 1,
              PolicyVersionList: [
                {
                  Document: statement({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/*' }),
                  VersionId: 'v2',
                  IsDefaultVersion: true,
                },
                { Document: ADMIN_DOCUMENT, VersionId: 'v1', IsDefaultVersion: false },
              ],
            },
          ],
        },
      }),
      arn: DEPLOY,
    },
    {
      name: 'an allow-listed role with AdministratorAccess',
      snapshot: withDetails((d) =>
        replaceRole(d, roleDetail('BreakGlassAdmin', { AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
      ),
      arn: BREAK_GLASS,
      options: { allow: ['arn:aws:iam::*:role/BreakGlass*'] },
      message:
        'role BreakGlassAdmin is allow-listed (arn:aws:iam::*:role/BreakGlass*): a full administrator ("*" on "*") through AdministratorAccess (AWS managed)',
    },
    {
      name: 'an allow-listed role with a path, through "**"',
      snapshot: withDetails((d) =>
        replaceRole(d, roleDetail('BreakGlass', { Path: '/ops/', AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
      ),
      arn: `arn:aws:iam::${ACCOUNT}:role/ops/BreakGlass`,
      options: { allow: [`arn:aws:iam::${ACCOUNT}:role/**/BreakGlass`] },
      message: 'is allow-listed',
    },
    {
      name: 'an allow-listed role whose name starts with "." (IAM names allow it)',
      snapshot: withDetails((d) =>
        replaceRole(d, roleDetail('.admin', { AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
      ),
      arn: `arn:aws:iam::${ACCOUNT}:role/.admin`,
      options: { allow: [`arn:aws:iam::${ACCOUNT}:role/*`] },
      message: `role .admin is allow-listed (arn:aws:iam::${ACCOUNT}:role/*)`,
    },
  ],
  fail: [
    {
      name: 'the allow-list names other roles',
      snapshot: withDetails((d) =>
        replaceRole(d, roleDetail('deploy', { AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
      ),
      arn: DEPLOY,
      options: { allow: ['arn:aws:iam::*:role/BreakGlass*', `arn:aws:iam::${ACCOUNT}:user/*`] },
      message: 'role deploy is a full administrator',
    },
    {
      name: 'an inline admin policy on a user',
      snapshot: withDetails((d) =>
        replaceUser(
          d,
          userDetail('alice', {
            UserPolicyList: [
              inlinePolicy('break-things', statement({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' })),
            ],
          }),
        ),
      ),
      arn: ALICE,
      message: 'user alice is a full administrator ("*" on "*") through break-things (inline): statement All',
    },
    {
      name: 'a role with AdministratorAccess',
      snapshot: withDetails((d) =>
        replaceRole(d, roleDetail('deploy', { AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
      ),
      arn: DEPLOY,
      message: 'through AdministratorAccess (AWS managed): a statement',
    },
    {
      name: 'a user in a group with AdministratorAccess',
      snapshot: withDetails((d) => ({
        ...d,
        UserDetailList: [userDetail('alice', { GroupList: ['developers', 'Admins'] })],
        GroupDetailList: [
          ...(d.GroupDetailList ?? []),
          groupDetail('Admins', { AttachedManagedPolicies: [attached(ADMIN_ARN)] }),
        ],
      })),
      arn: ALICE,
      message: 'AdministratorAccess (AWS managed, via group Admins)',
    },
    {
      name: 'an inline "*:*" policy of a group',
      snapshot: withDetails((d) => ({
        ...d,
        GroupDetailList: [
          groupDetail('developers', {
            GroupPolicyList: [inlinePolicy('ops', statement({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }))],
          }),
        ],
      })),
      arn: ALICE,
      message: 'ops (inline, via group developers)',
    },
    {
      name: 'a customer managed "*" policy on a role',
      snapshot: iamSnapshot({
        GetPolicyVersion: {
          ...hardenedIam().GetPolicyVersion,
          ...withManagedPolicy(hardenedIam(), DEPLOY_SITE, ADMIN_DOCUMENT).GetPolicyVersion,
        },
      }),
      arn: DEPLOY,
      message: 'deploy-site (customer managed)',
    },
    {
      name: 'a condition does not clear it',
      snapshot: withDetails((d) =>
        replaceRole(
          d,
          roleDetail('deploy', {
            RolePolicyList: [
              inlinePolicy(
                'mfa-admin',
                statement({
                  Effect: 'Allow',
                  Action: '*',
                  Resource: '*',
                  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                }),
              ),
            ],
          }),
        ),
      ),
      arn: DEPLOY,
      message: 'mfa-admin (inline): a statement (with a condition)',
    },
    {
      name: 'a permissions boundary is named, not evaluated',
      snapshot: withDetails((d) =>
        replaceRole(
          d,
          roleDetail('deploy', {
            AttachedManagedPolicies: [attached(ADMIN_ARN)],
            PermissionsBoundary: {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
            },
          }),
        ),
      ),
      arn: DEPLOY,
      message: `(permissions boundary arn:aws:iam::${ACCOUNT}:policy/boundary may limit it)`,
    },
    {
      name: 'one admin policy decides even when another could not be read',
      snapshot: withDetails(
        (d) =>
          replaceRole(
            d,
            roleDetail('deploy', { AttachedManagedPolicies: [attached(DEPLOY_SITE), attached(ADMIN_ARN)] }),
          ),
        {
          ...withManagedPolicy(hardenedIam(), ADMIN_ARN, ADMIN_DOCUMENT),
          GetPolicyVersion: {
            ...withManagedPolicy(hardenedIam(), ADMIN_ARN, ADMIN_DOCUMENT).GetPolicyVersion,
            [DEPLOY_SITE]: awsError('AccessDenied', 'not authorized to perform: iam:GetPolicyVersion'),
          },
        },
      ),
      arn: DEPLOY,
      message: 'AdministratorAccess (AWS managed)',
    },
  ],
  unknown: [
    {
      name: 'GetAccountAuthorizationDetails denied: every role is hidden',
      snapshot: iamSnapshot({
        GetAccountAuthorizationDetails: awsError(
          'AccessDenied',
          'not authorized to perform: iam:GetAccountAuthorizationDetails',
        ),
      }),
      arn: `arn:aws:iam::${ACCOUNT}:role/*`,
      message: 'AccessDenied on iam:GetAccountAuthorizationDetails',
    },
    {
      name: 'GetAccountAuthorizationDetails not collected (an older snapshot): every user is hidden',
      snapshot: iamSnapshot({ GetAccountAuthorizationDetails: undefined }),
      arn: `arn:aws:iam::${ACCOUNT}:user/*`,
      message: 'iam:GetAccountAuthorizationDetails was not collected',
    },
    {
      name: 'the attached policy could not be read',
      snapshot: iamSnapshot({
        GetPolicyVersion: {
          [DEPLOY_SITE]: awsError('AccessDenied', 'not authorized to perform: iam:GetPolicyVersion'),
        },
      }),
      arn: DEPLOY,
      message: 'deploy-site (customer managed): AccessDenied on iam:GetPolicyVersion',
    },
    {
      name: 'an AWS managed policy ListPolicies did not list (a snapshot from before AWS managed policies were listed)',
      snapshot: withDetails(
        (d) => replaceRole(d, roleDetail('deploy', { AttachedManagedPolicies: [attached(ADMIN_ARN)] })),
        hardenedIam(),
      ),
      arn: DEPLOY,
      message: 'AdministratorAccess (AWS managed): iam:GetPolicyVersion was not collected',
    },
    {
      name: 'an inline policy that is not JSON',
      snapshot: withDetails((d) =>
        replaceUser(
          d,
          userDetail('alice', { UserPolicyList: [{ PolicyName: 'broken', PolicyDocument: '%7B%22Version' }] }),
        ),
      ),
      arn: ALICE,
      message: 'broken (inline): MalformedPolicyJSON on iam:GetAccountAuthorizationDetails',
    },
    {
      name: 'a group of the user that GetAccountAuthorizationDetails does not describe',
      snapshot: withDetails((d) => replaceUser(d, userDetail('alice', { GroupList: ['ghosts'] }))),
      arn: ALICE,
      message:
        'user alice has policies that could not be read: the policies of group ghosts (not in GetAccountAuthorizationDetails): GroupNotListed on iam:GetAccountAuthorizationDetails: group ghosts is not in GroupDetailList',
    },
  ],
});

describe('iam-principal-no-full-admin allow option in a config file', () => {
  it('names the file, line and field of a glob that is not an ARN', () => {
    const text = 'checks:\n  iam-principal-no-full-admin:\n    allow:\n      - BreakGlass*\n';
    let thrown: unknown;
    try {
      parseCheckConfig(text, 'cloudwarden.yaml');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).format()).toBe(
      'cloudwarden.yaml:4:9: checks.iam-principal-no-full-admin.allow[0]: "BreakGlass*" is not an ARN glob (write e.g. "arn:aws:iam::*:role/BreakGlass*")',
    );
  });

  it('passes the allow-listed role of the demo and still fails the others', async () => {
    const demo = JSON.parse(await readFile('examples/demo-account.json', 'utf8')) as unknown;
    const configured = parseCheckConfig(
      'checks:\n  iam-principal-no-full-admin:\n    allow: ["arn:aws:iam::*:role/terraform-*"]\n',
      'cloudwarden.yaml',
    );
    const results = runChecks([check], normalise(validateSnapshot(demo)), configured);
    const byName = Object.fromEntries(results.map((r) => [r.resource.arn.split('/').pop(), r.status]));
    expect(byName).toMatchObject({ 'terraform-apply': 'pass', 'ci-deploy': 'fail', bob: 'fail' });
  });
});
