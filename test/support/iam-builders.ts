import type { IamSection } from '../../src/services/iam/schema.ts';
import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import { ACCOUNT_ID } from './snapshot-builders.ts';
import { snapshotOf } from './service-snapshot.ts';

/** The scan's collection time; the credential report below was generated at it. */
export const COLLECTED_AT = '2026-11-22T00:00:00Z';
export const REPORT_TIME = '2026-11-22T00:00:00+00:00';

/** The columns of IAM's credential report, in IAM's order. */
const COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

export type ReportRow = Partial<Record<(typeof COLUMNS)[number], string>>;

/** A time `days` before the report, as the credential report writes it. */
export function daysAgo(days: number): string {
  return new Date(Date.parse(REPORT_TIME) - days * 86_400_000).toISOString().replace('.000Z', '+00:00');
}

/** The root user's row: MFA on, no access keys (`not_supported` where the report has nothing to say for root). */
export function rootRow(overrides: ReportRow = {}): ReportRow {
  return {
    user: '<root_account>',
    arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
    user_creation_time: '2020-04-01T09:00:00+00:00',
    password_enabled: 'not_supported',
    password_last_used: daysAgo(120),
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: 'true',
    ...overrides,
  };
}

/** A console user with MFA who signed in yesterday and one access key rotated 30 days ago and used today. */
export function userRow(name: string, overrides: ReportRow = {}): ReportRow {
  return {
    user: name,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
    user_creation_time: daysAgo(400),
    password_enabled: 'true',
    password_last_used: daysAgo(1),
    password_last_changed: daysAgo(60),
    password_next_rotation: 'N/A',
    mfa_active: 'true',
    access_key_1_active: 'true',
    access_key_1_last_rotated: daysAgo(30),
    access_key_1_last_used_date: daysAgo(0),
    access_key_1_last_used_region: 'ap-northeast-1',
    access_key_1_last_used_service: 's3',
    ...overrides,
  };
}

/** GetCredentialReport as the SDK returns it: the CSV, base64. */
export function credentialReport(...rows: ReportRow[]) {
  const csv = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((c) => row[c] ?? (c.endsWith('_active') ? 'false' : 'N/A')).join(',')),
  ].join('\n');
  return { Content: Buffer.from(csv, 'utf8').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: REPORT_TIME };
}

/**
 * An entry of ListVirtualMFADevices (AssignmentStatus Assigned). For the root user IAM names the device
 * `root-account-mfa-device` and its `User` has the account id as UserId and no UserName.
 */
export function virtualMfaDevice(user: 'root' | string) {
  if (user === 'root')
    return {
      SerialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/root-account-mfa-device`,
      User: {
        UserId: ACCOUNT_ID,
        Arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
        CreateDate: '2020-04-01T09:00:00Z',
        PasswordLastUsed: '2026-07-25T10:00:00Z',
      },
      EnableDate: '2020-04-01T09:20:00Z',
    };
  return {
    SerialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/${user}`,
    User: {
      Path: '/',
      UserName: user,
      UserId: uniqueId('AIDA', user),
      Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${user}`,
      CreateDate: '2025-10-18T00:00:00Z',
      PasswordLastUsed: '2026-11-21T00:00:00Z',
    },
    EnableDate: '2025-10-18T00:05:00Z',
  };
}

/** An entry of ListServerCertificates: a certificate uploaded a year before it expires. */
export function serverCertificate(name: string, expiration: string) {
  return {
    Path: '/cloudfront/',
    ServerCertificateName: name,
    ServerCertificateId: uniqueId('ASCA', name),
    Arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/cloudfront/${name}`,
    UploadDate: new Date(Date.parse(expiration) - 365 * 86_400_000).toISOString().replace('.000Z', 'Z'),
    Expiration: expiration,
  };
}

/** A policy document as IAM's API (and so the SDK) returns it: URL-encoded JSON. */
export function urlEncoded(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

export function policyVersion(document: unknown) {
  return {
    PolicyVersion: {
      Document: urlEncoded(document),
      VersionId: 'v2',
      IsDefaultVersion: true,
      CreateDate: '2025-03-01T00:00:00Z',
    },
  };
}

export const SUPPORT_ARN = 'arn:aws:iam::aws:policy/AWSSupportAccess';
export const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const ADMIN_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const SUPPORT_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['support:*'], Resource: '*' }],
};

type AuthorizationDetails = NonNullable<Exclude<IamSection['GetAccountAuthorizationDetails'], { error: unknown }>>;
type UserDetail = NonNullable<AuthorizationDetails['UserDetailList']>[number];
type GroupDetail = NonNullable<AuthorizationDetails['GroupDetailList']>[number];
type RoleDetail = NonNullable<AuthorizationDetails['RoleDetailList']>[number];

/** A 21-character IAM unique id with the given prefix (`AIDA` user, `AGPA` group, `AROA` role, `ANPA` policy). */
function uniqueId(prefix: string, name: string): string {
  return `${prefix}${name
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .padEnd(17, 'X')
    .slice(0, 17)}`;
}

/** An inline policy of UserPolicyList / GroupPolicyList / RolePolicyList. */
export function inlinePolicy(PolicyName: string, document: unknown) {
  return { PolicyName, PolicyDocument: urlEncoded(document) };
}

/** An entry of AttachedManagedPolicies. */
export function attached(PolicyArn: string) {
  return { PolicyName: PolicyArn.slice(PolicyArn.lastIndexOf('/') + 1), PolicyArn };
}

export function userDetail(name: string, overrides: Partial<UserDetail> = {}): UserDetail {
  return {
    Path: '/',
    UserName: name,
    UserId: uniqueId('AIDA', name),
    Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
    CreateDate: '2025-10-18T00:00:00Z',
    UserPolicyList: [],
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    ...overrides,
  };
}

export function groupDetail(name: string, overrides: Partial<GroupDetail> = {}): GroupDetail {
  return {
    Path: '/',
    GroupName: name,
    GroupId: uniqueId('AGPA', name),
    Arn: `arn:aws:iam::${ACCOUNT_ID}:group/${name}`,
    CreateDate: '2025-01-01T00:00:00Z',
    GroupPolicyList: [],
    AttachedManagedPolicies: [],
    ...overrides,
  };
}

/** A role EC2 can assume, last used yesterday; `path` like IAM writes it (`/`, `/aws-service-role/support.amazonaws.com/`). */
export function roleDetail(name: string, overrides: Partial<RoleDetail> = {}): RoleDetail {
  const path = overrides.Path ?? '/';
  return {
    Path: path,
    RoleName: name,
    RoleId: uniqueId('AROA', name),
    Arn: `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`,
    CreateDate: '2025-01-01T00:00:00Z',
    AssumeRolePolicyDocument: urlEncoded({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    RoleLastUsed: { LastUsedDate: '2026-11-21T08:00:00Z', Region: 'ap-northeast-1' },
    ...overrides,
  };
}

/** ListPolicies (Scope All, OnlyAttached) and GetPolicyVersion with one more attached managed policy. */
export function withManagedPolicy(section: IamSection, arn: string, document: unknown): IamSection {
  const listed = section.ListPolicies as { Policies: Record<string, unknown>[] };
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const path = arn.slice(arn.indexOf(':policy') + ':policy'.length, arn.lastIndexOf('/') + 1);
  const policy = {
    PolicyName: name,
    PolicyId: uniqueId('ANPA', name),
    Arn: arn,
    Path: path,
    DefaultVersionId: 'v2',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:39:46Z',
    UpdateDate: '2015-02-06T18:39:46Z',
  };
  return {
    ...section,
    ListPolicies: {
      ...listed,
      Policies: [...listed.Policies.filter((p) => p.Arn !== arn), policy],
    } as IamSection['ListPolicies'],
    GetPolicyVersion: { ...section.GetPolicyVersion, [arn]: policyVersion(document) },
  };
}

/**
 * GetAccountAuthorizationDetails (Filter User, Group, Role) of the hardened account: alice in group developers
 * (an inline read-only policy), role deploy with the customer managed deploy-site, the support role with
 * AWSSupportAccess, and the service-linked role AWS Support creates.
 */
export function authorizationDetails(): AuthorizationDetails {
  return {
    UserDetailList: [userDetail('alice', { GroupList: ['developers'] })],
    GroupDetailList: [
      groupDetail('developers', {
        GroupPolicyList: [
          inlinePolicy('read-logs', {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['logs:Get*', 'logs:Describe*'], Resource: '*' }],
          }),
        ],
      }),
    ],
    RoleDetailList: [
      roleDetail('deploy', { AttachedManagedPolicies: [attached(`arn:aws:iam::${ACCOUNT_ID}:policy/deploy-site`)] }),
      roleDetail('aws-support', { AttachedManagedPolicies: [attached(SUPPORT_ARN)] }),
      roleDetail('AWSServiceRoleForSupport', {
        Path: '/aws-service-role/support.amazonaws.com/',
        // its policy (AWSSupportServiceRolePolicy) is not read: AWS defines service-linked roles
        AttachedManagedPolicies: [attached('arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy')],
      }),
    ],
    Policies: [],
  };
}

/** An account that passes every IAM check, each response shaped like the SDK's. */
export function hardenedIam(): IamSection {
  return withManagedPolicy(hardenedWithoutAwsManaged(), SUPPORT_ARN, SUPPORT_DOCUMENT);
}

function hardenedWithoutAwsManaged(): IamSection {
  return {
    GetAccountSummary: {
      SummaryMap: {
        AccountMFAEnabled: 1,
        AccountAccessKeysPresent: 0,
        AccountSigningCertificatesPresent: 0,
        Users: 1,
        Policies: 1,
        MFADevices: 1,
        MFADevicesInUse: 1,
      },
    },
    GetAccountPasswordPolicy: {
      PasswordPolicy: {
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: false,
        PasswordReusePrevention: 24,
      },
    },
    GetCredentialReport: credentialReport(rootRow(), userRow('alice')),
    // alice's authenticator app; the root user's MFA is a security key, which this call does not list
    ListVirtualMFADevices: { VirtualMFADevices: [virtualMfaDevice('alice')], IsTruncated: false },
    ListServerCertificates: {
      ServerCertificateMetadataList: [serverCertificate('www-2027', '2027-03-01T12:00:00Z')],
      IsTruncated: false,
    },
    ListPolicies: {
      Policies: [
        {
          PolicyName: 'deploy-site',
          PolicyId: 'ANPAEXAMPLE1234567890',
          Arn: `arn:aws:iam::${ACCOUNT_ID}:policy/deploy-site`,
          Path: '/',
          DefaultVersionId: 'v2',
          AttachmentCount: 1,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          CreateDate: '2025-01-01T00:00:00Z',
          UpdateDate: '2025-03-01T00:00:00Z',
        },
      ],
    },
    GetPolicyVersion: {
      [`arn:aws:iam::${ACCOUNT_ID}:policy/deploy-site`]: policyVersion({
        Version: '2012-10-17',
        Statement: [{ Sid: 'Deploy', Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::site/*' }],
      }),
    },
    ListEntitiesForPolicy: {
      [SUPPORT_ARN]: {
        PolicyGroups: [],
        PolicyUsers: [],
        PolicyRoles: [{ RoleName: 'aws-support', RoleId: 'AROAEXAMPLE1234567890' }],
        IsTruncated: false,
      },
    },
    GetAccountAuthorizationDetails: authorizationDetails(),
  };
}

/** A snapshot holding only an IAM section (global: no regions). */
export function iamSnapshot(overrides: Partial<IamSection> = {}, base: IamSection = hardenedIam()): Snapshot {
  const iam = { ...base, ...overrides } as Record<string, unknown>;
  for (const [key, value] of Object.entries(iam)) if (value === undefined) delete iam[key];
  return snapshotOf({ iam: iam });
}
