import check from '../../../src/checks/ec2/ec2-instance-admin-ports-use-session-manager.ts';
import type { IamSection } from '../../../src/services/iam/schema.ts';
import type { SsmSection } from '../../../src/services/ssm/schema.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, instance, permission, REGION, reservations, securityGroup } from '../../support/ec2-builders.ts';
import {
  ADMIN_ARN,
  ADMIN_DOCUMENT,
  attached,
  authorizationDetails,
  hardenedIam,
  inlinePolicy,
  roleDetail,
  withManagedPolicy,
} from '../../support/iam-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';
import { instanceInformation, managedNode, SSM_ACCESS_DENIED } from '../../support/ssm-builders.ts';

const ID = 'i-0123456789abcdef0';
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/web';
type InstanceOptions = Parameters<typeof instance>[1];

/** One instance in a region; `ssm` is the region's DescribeInstanceInformation entry (absent: ssm not collected). */
const scene = (
  groups: unknown,
  options: InstanceOptions = { groups: ['sg-0ssh'] },
  ssm?: SsmSection[string]['DescribeInstanceInformation'],
) => ({
  ...ec2Snapshot({
    [REGION]: { DescribeInstances: reservations(instance(ID, options)), DescribeSecurityGroups: groups as never },
  }),
  ...(ssm ? { ssm: { [REGION]: { DescribeInstanceInformation: ssm } } } : {}),
});
const open = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [22, 22], '0.0.0.0/0')])] };
const rdpOpen = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [3389, 3389], '::/0')])] };
const httpsOnly = { SecurityGroups: [securityGroup('sg-0ssh', [permission('tcp', [443, 443], '0.0.0.0/0')])] };
const withProfile = { groups: ['sg-0ssh'], profile: PROFILE };

const ROLE = 'web-ssm';
const CORE_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
/** AmazonSSMManagedInstanceCore v2, the default version (AWS managed policy reference). */
const CORE_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ssm:DescribeAssociation',
        'ssm:GetDeployablePatchSnapshotForInstance',
        'ssm:GetDocument',
        'ssm:DescribeDocument',
        'ssm:GetManifest',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:ListAssociations',
        'ssm:ListInstanceAssociations',
        'ssm:PutInventory',
        'ssm:PutComplianceItems',
        'ssm:PutConfigurePackageResult',
        'ssm:UpdateAssociationStatus',
        'ssm:UpdateInstanceAssociationStatus',
        'ssm:UpdateInstanceInformation',
      ],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'ec2messages:AcknowledgeMessage',
        'ec2messages:DeleteMessage',
        'ec2messages:FailMessage',
        'ec2messages:GetEndpoint',
        'ec2messages:GetMessages',
        'ec2messages:SendReply',
      ],
      Resource: '*',
    },
  ],
};
const allow = (Action: unknown, Resource: unknown = '*', extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource, ...extra }],
});

/** An InstanceProfileList entry as GetAccountAuthorizationDetails returns it (the profile with its role). */
function instanceProfile(arn: string, roleName: string) {
  const path = arn.slice(arn.indexOf(':instance-profile') + ':instance-profile'.length, arn.lastIndexOf('/') + 1);
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return {
    Path: path,
    InstanceProfileName: name,
    InstanceProfileId: 'AIPAEXAMPLEPROFILE01',
    Arn: arn,
    CreateDate: '2025-01-01T00:00:00Z',
    Roles: [
      {
        Path: '/',
        RoleName: roleName,
        RoleId: 'AROAEXAMPLEROLE00001',
        Arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`,
        CreateDate: '2025-01-01T00:00:00Z',
      },
    ],
  };
}

/** The hardened IAM section plus role web-ssm in instance profile `profile`, with the given policies. */
function iamWith(
  role: Partial<Parameters<typeof roleDetail>[1]>,
  profile = PROFILE,
  managed: Record<string, unknown> = {},
): IamSection {
  const details = authorizationDetails();
  let section: IamSection = {
    ...hardenedIam(),
    GetAccountAuthorizationDetails: {
      ...details,
      RoleDetailList: [
        ...(details.RoleDetailList ?? []),
        roleDetail(ROLE, { InstanceProfileList: [instanceProfile(profile, ROLE)], ...role }),
      ],
    },
  };
  for (const [arn, document] of Object.entries(managed)) section = withManagedPolicy(section, arn, document);
  return section;
}
const withCore = iamWith({ AttachedManagedPolicies: [attached(CORE_ARN)] }, PROFILE, { [CORE_ARN]: CORE_DOCUMENT });
const withInlineSsm = iamWith({
  RolePolicyList: [inlinePolicy('ssm-agent', allow(['ssm:*', 'ssmmessages:*', 'ec2messages:*']))],
});
const withoutSsm = iamWith({ RolePolicyList: [inlinePolicy('read-logs', allow(['logs:Get*', 'logs:Describe*']))] });
const notRegistered = instanceInformation(managedNode('i-0fedcba9876543210'));
const withIam = (snapshot: ReturnType<typeof scene>, iam: IamSection) => ({ ...snapshot, iam });
const GRANTS_CORE = `it is not registered with Systems Manager; its role ${ROLE} grants Session Manager (AmazonSSMManagedInstanceCore): start or update the SSM agent (it must reach the ssm, ssmmessages and ec2messages endpoints), then close the port`;

testCheck(check, {
  pass: [
    { name: 'only HTTPS open', snapshot: scene(httpsOnly), message: 'no security group' },
    {
      name: 'port closed, agent online: nothing to do',
      snapshot: scene(httpsOnly, withProfile, instanceInformation(managedNode(ID))),
      message: 'no security group',
    },
    {
      name: 'port closed, ssm denied: the port alone decides',
      snapshot: scene(httpsOnly, withProfile, SSM_ACCESS_DENIED),
      message: 'no security group',
    },
    {
      name: 'port closed, role without SSM permissions: the port alone decides',
      snapshot: withIam(scene(httpsOnly, withProfile, notRegistered), withoutSsm),
      message: 'no security group',
    },
  ],
  fail: [
    {
      name: 'SSH open, registered and Online: close the port',
      snapshot: scene(open, withProfile, instanceInformation(managedNode(ID))),
      message:
        'reachable from the internet on 22 (SSH) from 0.0.0.0/0; Session Manager already works for it (SSM agent Online, last ping 2026-11-22T08:55:12.345Z): close the port',
    },
    {
      name: 'RDP open over IPv6, registered Online without a profile (Default Host Management)',
      snapshot: scene(rdpOpen, { groups: ['sg-0ssh'] }, instanceInformation(managedNode(ID))),
      message: /3389 \(RDP\) from ::\/0; Session Manager already works/,
    },
    {
      name: 'SSH open, registered but ConnectionLost',
      snapshot: scene(open, withProfile, instanceInformation(managedNode(ID, 'ConnectionLost'))),
      message:
        'registered with Systems Manager but its agent is ConnectionLost, last ping 2026-11-22T08:55:12.345Z: get the agent back online',
    },
    {
      name: 'SSH open on a stopped instance whose agent lost its connection',
      snapshot: {
        ...ec2Snapshot({
          [REGION]: {
            DescribeInstances: reservations({ ...instance(ID, withProfile), State: { Code: 80, Name: 'stopped' } }),
            DescribeSecurityGroups: open,
          },
        }),
        ssm: { [REGION]: { DescribeInstanceInformation: instanceInformation(managedNode(ID, 'ConnectionLost')) } },
      },
      message:
        'ConnectionLost, last ping 2026-11-22T08:55:12.345Z: start the instance, get the agent back online (it must reach the ssm, ssmmessages and ec2messages endpoints), connect with Session Manager and close the port',
    },
    {
      name: 'SSH open, profile but not registered (another instance is)',
      snapshot: scene(open, withProfile, instanceInformation(managedNode('i-0fedcba9876543210'))),
      message: `it has an instance profile (${PROFILE}) but is not registered with Systems Manager: make sure the profile's role has AmazonSSMManagedInstanceCore and the SSM agent runs`,
    },
    {
      name: 'SSH open, no profile, not registered: profile first',
      snapshot: scene(open, { groups: ['sg-0ssh'] }, instanceInformation()),
      message:
        'it has no instance profile and is not registered with Systems Manager: attach an instance profile whose role has AmazonSSMManagedInstanceCore',
    },
    {
      name: 'SSH open, ssm AccessDenied: still a fail, registration unreadable, profile advice',
      snapshot: scene(open, withProfile, SSM_ACCESS_DENIED),
      message: `reachable from the internet on 22 (SSH) from 0.0.0.0/0; whether Session Manager already works for it could not be read (AccessDeniedException on ssm:DescribeInstanceInformation: User: arn:aws:sts::123456789012:assumed-role/auditor/cloudwarden is not authorized`,
    },
    {
      name: 'SSH open, ssm not collected (scan --service ec2): still a fail, no profile advice',
      snapshot: scene(open),
      message:
        'could not be read (ssm:DescribeInstanceInformation was not collected); attach an instance profile whose role has AmazonSSMManagedInstanceCore',
    },
    {
      name: 'SSH open, ssm collected in other regions only',
      snapshot: {
        ...scene(open, withProfile),
        ssm: { 'us-east-1': { DescribeInstanceInformation: instanceInformation(managedNode(ID)) } },
      },
      message: `could not be read (ssm:DescribeInstanceInformation was not collected); it has an instance profile (${PROFILE})`,
    },
    {
      name: 'SSH open, not registered, role has AmazonSSMManagedInstanceCore: fix the agent',
      snapshot: withIam(scene(open, withProfile, notRegistered), withCore),
      message: `reachable from the internet on 22 (SSH) from 0.0.0.0/0; ${GRANTS_CORE}`,
    },
    {
      name: 'AmazonSSMManagedInstanceCore attached, its document not collected: attached is enough',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({ AttachedManagedPolicies: [attached(CORE_ARN)] }),
      ),
      message: GRANTS_CORE,
    },
    {
      name: 'SSH open, not registered, inline ssm:* and ssmmessages:*',
      snapshot: withIam(scene(open, withProfile, notRegistered), withInlineSsm),
      message: `its role ${ROLE} grants Session Manager (inline policy ssm-agent): start or update the SSM agent`,
    },
    {
      name: 'role with AdministratorAccess ("*" on "*") grants it too',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({ AttachedManagedPolicies: [attached(ADMIN_ARN)] }, PROFILE, { [ADMIN_ARN]: ADMIN_DOCUMENT }),
      ),
      message: `its role ${ROLE} grants Session Manager (AdministratorAccess)`,
    },
    {
      name: 'the two actions from two policies, one with a permissions boundary on the role',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({
          RolePolicyList: [
            inlinePolicy('register', allow('ssm:UpdateInstance*', `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/*`)),
            inlinePolicy('channels', allow('SSMMessages:Create*')),
          ],
          PermissionsBoundary: {
            PermissionsBoundaryType: 'Policy',
            PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT_ID}:policy/boundary`,
          },
        }),
      ),
      message: `grants Session Manager (inline policy register, inline policy channels) (permissions boundary arn:aws:iam::${ACCOUNT_ID}:policy/boundary may limit it)`,
    },
    {
      name: 'SSH open, not registered, role without SSM permissions: attach the policy',
      snapshot: withIam(scene(open, withProfile, notRegistered), withoutSsm),
      message: `it is not registered with Systems Manager; its role ${ROLE} lacks Session Manager permissions (no policy allows ssm:UpdateInstanceInformation or ssmmessages:CreateControlChannel): attach AmazonSSMManagedInstanceCore, connect with Session Manager and close the port`,
    },
    {
      name: 'inline ssm:* without ssmmessages: lacks the control channel',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({ RolePolicyList: [inlinePolicy('ssm-only', allow('ssm:*'))] }),
      ),
      message: 'lacks Session Manager permissions (no policy allows ssmmessages:CreateControlChannel)',
    },
    {
      name: 'ssm:UpdateInstanceInformation only on another instance: lacks it',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({
          RolePolicyList: [
            inlinePolicy(
              'other',
              allow(
                ['ssm:UpdateInstanceInformation', 'ssmmessages:*'],
                `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/i-0other`,
              ),
            ),
          ],
        }),
      ),
      message:
        'lacks Session Manager permissions (no policy allows ssm:UpdateInstanceInformation or ssmmessages:CreateControlChannel)',
    },
    {
      name: 'AmazonSSMManagedInstanceCore attached but an inline Deny ssm:*',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith(
          {
            AttachedManagedPolicies: [attached(CORE_ARN)],
            RolePolicyList: [
              inlinePolicy('no-ssm', {
                Version: '2012-10-17',
                Statement: [{ Sid: 'NoSsm', Effect: 'Deny', Action: 'ssm:*', Resource: '*' }],
              }),
            ],
          },
          PROFILE,
          {
            [CORE_ARN]: CORE_DOCUMENT,
          },
        ),
      ),
      message: `its role ${ROLE} lacks Session Manager permissions (inline policy no-ssm statement NoSsm denies them): remove the deny`,
    },
    {
      name: 'a customer managed policy not collected and nothing else grants it: undecided, still a fail',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({ AttachedManagedPolicies: [attached(`arn:aws:iam::${ACCOUNT_ID}:policy/agent`)] }),
      ),
      message: `whether its role ${ROLE} grants Session Manager could not be decided (policies could not be read (agent: iam:GetPolicyVersion was not collected)): make sure it has AmazonSSMManagedInstanceCore`,
    },
    {
      name: 'only a conditional Allow: undecided',
      snapshot: withIam(
        scene(open, withProfile, notRegistered),
        iamWith({
          RolePolicyList: [
            inlinePolicy(
              'vpc-only',
              allow(['ssm:*', 'ssmmessages:*'], '*', {
                Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } },
              }),
            ),
          ],
        }),
      ),
      message: 'could not be decided (only inline policy vpc-only statement #1 allow it, under a condition)',
    },
    {
      name: 'profile with a path: matched on the full ARN',
      snapshot: withIam(
        scene(
          open,
          { groups: ['sg-0ssh'], profile: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/app/web` },
          notRegistered,
        ),
        iamWith(
          { AttachedManagedPolicies: [attached(CORE_ARN)] },
          `arn:aws:iam::${ACCOUNT_ID}:instance-profile/app/web`,
        ),
      ),
      message: GRANTS_CORE,
    },
    {
      name: 'a role holds profile web without the path: not the instance profile app/web',
      snapshot: withIam(
        scene(
          open,
          { groups: ['sg-0ssh'], profile: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/app/web` },
          notRegistered,
        ),
        withCore,
      ),
      message: `no role of the account holds its instance profile arn:aws:iam::${ACCOUNT_ID}:instance-profile/app/web (a profile without a role gives the instance no credentials): add a role with AmazonSSMManagedInstanceCore to it`,
    },
    {
      name: 'profile not found in the IAM data',
      snapshot: withIam(scene(open, withProfile, notRegistered), hardenedIam()),
      message: `it is not registered with Systems Manager; no role of the account holds its instance profile ${PROFILE}`,
    },
    {
      name: 'no profile, IAM read: the no-profile advice',
      snapshot: withIam(scene(open, { groups: ['sg-0ssh'] }, notRegistered), withCore),
      message:
        'it has no instance profile and is not registered with Systems Manager: attach an instance profile whose role has AmazonSSMManagedInstanceCore',
    },
    {
      name: 'IAM AccessDenied: still a fail, the profile advice, the role could not be read',
      snapshot: withIam(scene(open, withProfile, notRegistered), {
        ...hardenedIam(),
        GetAccountAuthorizationDetails: awsError(
          'AccessDenied',
          'User: arn:aws:sts::123456789012:assumed-role/auditor/cloudwarden is not authorized to perform: iam:GetAccountAuthorizationDetails',
        ),
      }),
      message: `it has an instance profile (${PROFILE}) but is not registered with Systems Manager: make sure the profile's role has AmazonSSMManagedInstanceCore and the SSM agent runs and reaches Systems Manager, connect with Session Manager and close the port (its role could not be read: AccessDenied on iam:GetAccountAuthorizationDetails: User: arn:aws:sts::123456789012:assumed-role/auditor/cloudwarden`,
    },
    {
      name: 'iam not collected (scan --service ec2,ssm): the role could not be read',
      snapshot: scene(open, withProfile, notRegistered),
      message: '(its role could not be read: iam:GetAccountAuthorizationDetails was not collected)',
    },
    {
      name: 'registered but ConnectionLost, role lacks the permissions',
      snapshot: withIam(scene(open, withProfile, instanceInformation(managedNode(ID, 'ConnectionLost'))), withoutSsm),
      message: `registered with Systems Manager but its agent is ConnectionLost, last ping 2026-11-22T08:55:12.345Z; its role ${ROLE} lacks Session Manager permissions`,
    },
    {
      name: 'registered but ConnectionLost, role grants: bring the agent back',
      snapshot: withIam(scene(open, withProfile, instanceInformation(managedNode(ID, 'ConnectionLost'))), withCore),
      message: `ConnectionLost, last ping 2026-11-22T08:55:12.345Z; its role ${ROLE} grants Session Manager (AmazonSSMManagedInstanceCore): get the agent back online (it must reach the ssm, ssmmessages and ec2messages endpoints), then close the port`,
    },
    {
      name: 'registered and Online: the role does not matter',
      snapshot: withIam(scene(open, withProfile, instanceInformation(managedNode(ID))), withoutSsm),
      message:
        'Session Manager already works for it (SSM agent Online, last ping 2026-11-22T08:55:12.345Z): close the port',
    },
    {
      name: 'ssm not collected, role grants: make sure the agent runs',
      snapshot: withIam(scene(open, withProfile), withCore),
      message: `could not be read (ssm:DescribeInstanceInformation was not collected); its role ${ROLE} grants Session Manager (AmazonSSMManagedInstanceCore): make sure the SSM agent runs, then close the port`,
    },
  ],
  unknown: [
    {
      name: 'security groups not readable',
      snapshot: scene(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')),
      message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups',
    },
    {
      name: 'security groups not readable, agent online: still unknown (the port cannot be seen)',
      snapshot: scene(
        awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        withProfile,
        instanceInformation(managedNode(ID)),
      ),
      message: 'UnauthorizedOperation on ec2:DescribeSecurityGroups',
    },
    {
      name: 'a group of the instance is not in the listing',
      snapshot: scene({ SecurityGroups: [] }),
      message: 'sg-0ssh',
    },
  ],
});
