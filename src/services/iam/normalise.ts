import { parse } from 'csv-parse/sync';
import type { Gap } from '../../model/resource.ts';
import { resourceArn } from '../define-state.ts';
import type {
  AppliedPolicy,
  CredentialReportRow,
  IamPolicy,
  IamPrincipal,
  IamServerCertificate,
  IamState,
  IamUser,
  PasswordPolicy,
} from './model.ts';
import type { z } from 'zod';
import { IAM_OPERATIONS, NO_PASSWORD_POLICY, SUPPORT_POLICY_ARN, type IamSection } from './schema.ts';
import { observe, unreadableReason, type Observed } from '../../model/observed.ts';
import { policyEvidence } from '../../model/normalise-policy.ts';

const NO_TIME = new Set(['N/A', 'no_information', 'not_supported']);

/** An ISO 8601 date and time that `Date.parse` reads: ages are measured from it. */
function isReportTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The report writes `N/A`, `no_information` or `not_supported` where there is no time. Anything else that is not a
 * time did not come from IAM; read as "no time" it would make a credential look never used or never stale.
 */
function reportTime(record: Record<string, string>, column: string): string | undefined {
  const value = record[column];
  if (value === undefined || NO_TIME.has(value)) return undefined;
  if (isReportTime(value)) return value;
  throw new Error(`${column} of ${record.user ?? '?'} is ${JSON.stringify(value)}, not a time`);
}

function reportBoolean(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function rowOf(record: Record<string, string>): CredentialReportRow {
  const time = (column: string) => reportTime(record, column);
  const userCreationTime = time('user_creation_time');
  const passwordLastUsed = time('password_last_used');
  const passwordLastChanged = time('password_last_changed');
  return {
    user: record.user ?? '',
    arn: record.arn ?? '',
    ...(userCreationTime ? { userCreationTime } : {}),
    passwordEnabled: reportBoolean(record.password_enabled),
    ...(passwordLastUsed ? { passwordLastUsed } : {}),
    ...(passwordLastChanged ? { passwordLastChanged } : {}),
    mfaActive: record.mfa_active === 'true',
    accessKeys: ([1, 2] as const).map((slot) => {
      const lastRotated = time(`access_key_${slot}_last_rotated`);
      const lastUsed = time(`access_key_${slot}_last_used_date`);
      return {
        slot,
        active: record[`access_key_${slot}_active`] === 'true',
        ...(lastRotated ? { lastRotated } : {}),
        ...(lastUsed ? { lastUsed } : {}),
      };
    }),
  };
}

/** The base64 CSV of GetCredentialReport as rows; a report that does not decode is evidence of nothing. */
function parseReport(content: string): Observed<CredentialReportRow[]> {
  try {
    const text = Buffer.from(content, 'base64').toString('utf8');
    const records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
    if (records.length > 0 && (records[0]?.user === undefined || records[0]?.arn === undefined)) {
      throw new Error('the CSV has no user and arn columns');
    }
    return { kind: 'present', value: records.map(rowOf) };
  } catch (error) {
    return malformedReport((error as Error).message);
  }
}

function malformedReport(why: string): Observed<CredentialReportRow[]> {
  return {
    kind: 'error',
    operation: 'iam:GetCredentialReport',
    error: { name: 'MalformedCredentialReport', message: `the credential report is not the CSV IAM writes (${why})` },
  };
}

/** IAM answers GetPolicyVersion and GetAccountAuthorizationDetails with URL-encoded JSON; the CLI prints it decoded. */
function parseDocument(
  document: string | Record<string, unknown> | undefined,
  operation = 'iam:GetPolicyVersion',
): Observed<unknown> {
  if (document === undefined) {
    return {
      kind: 'error',
      operation,
      error: { name: 'MissingPolicyDocument', message: 'the policy has no document' },
    };
  }
  if (typeof document !== 'string') return policyEvidence(document, operation, 'the policy document');
  try {
    const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
    return policyEvidence(JSON.parse(text), operation, 'the policy document');
  } catch (error) {
    return {
      kind: 'error',
      operation,
      error: {
        name: 'MalformedPolicyJSON',
        message: `the policy document is not valid JSON (${(error as Error).message})`,
      },
    };
  }
}

function passwordPolicyOf({
  PasswordPolicy: policy,
}: z.infer<typeof IAM_OPERATIONS.GetAccountPasswordPolicy>): PasswordPolicy {
  return {
    ...(policy.MinimumPasswordLength !== undefined ? { minimumLength: policy.MinimumPasswordLength } : {}),
    requireSymbols: policy.RequireSymbols === true,
    requireNumbers: policy.RequireNumbers === true,
    requireUppercase: policy.RequireUppercaseCharacters === true,
    requireLowercase: policy.RequireLowercaseCharacters === true,
    ...(policy.MaxPasswordAge !== undefined ? { maxAge: policy.MaxPasswordAge } : {}),
    ...(policy.PasswordReusePrevention !== undefined ? { reusePrevention: policy.PasswordReusePrevention } : {}),
  };
}

type AuthorizationDetails = z.infer<typeof IAM_OPERATIONS.GetAccountAuthorizationDetails>;
type InlinePolicy = { PolicyName: string; PolicyDocument?: string | Record<string, unknown> };
type ManagedAttachment = { PolicyName?: string; PolicyArn: string };

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/**
 * The default version of a managed policy: GetPolicyVersion (what `scan aws` collects), else the `Policies` of
 * GetAccountAuthorizationDetails (what `aws iam get-account-authorization-details` prints with no filter).
 */
function managedDocuments(
  section: IamSection,
  details: AuthorizationDetails,
  listed: Observed<unknown>,
): (arn: string) => Observed<unknown> {
  const fromDetails = new Map((details.Policies ?? []).map((p) => [p.Arn, p]));
  return (arn) => {
    const version = section.GetPolicyVersion?.[arn];
    if (version) return observe(version, 'iam:GetPolicyVersion', [], (v) => parseDocument(v.PolicyVersion?.Document));
    const policy = fromDetails.get(arn);
    if (policy) {
      const current = policy.PolicyVersionList?.find(
        (v) => v.IsDefaultVersion === true || v.VersionId === policy.DefaultVersionId,
      );
      return parseDocument(current?.Document, 'iam:GetAccountAuthorizationDetails');
    }
    // a policy ListPolicies did not list (attached since it was listed) is unknown
    return listed.kind === 'error' ? listed : { kind: 'missing', operation: 'iam:GetPolicyVersion' };
  };
}

/** Users and roles with every policy that applies to them: inline, attached, and (users) through their groups. */
function principalsOf(
  section: IamSection,
  details: AuthorizationDetails,
  listed: Observed<unknown>,
  accountId: string,
): IamPrincipal[] {
  const documentOf = managedDocuments(section, details, listed);
  const applied = (
    inline: InlinePolicy[] | undefined,
    attached: ManagedAttachment[] | undefined,
    group?: string,
  ): AppliedPolicy[] => [
    ...(inline ?? []).map((p): AppliedPolicy => ({
      name: p.PolicyName,
      attachment: { type: 'inline', ...(group ? { group } : {}) },
      document: parseDocument(p.PolicyDocument, 'iam:GetAccountAuthorizationDetails'),
    })),
    ...(attached ?? []).map((p): AppliedPolicy => ({
      name: p.PolicyName ?? p.PolicyArn,
      arn: p.PolicyArn,
      attachment: {
        type: AWS_MANAGED.test(p.PolicyArn) ? 'AWS managed' : 'customer managed',
        ...(group ? { group } : {}),
      },
      document: documentOf(p.PolicyArn),
    })),
  ];
  const groups = new Map(
    (details.GroupDetailList ?? []).map((g) => [
      g.GroupName,
      applied(g.GroupPolicyList, g.AttachedManagedPolicies, g.GroupName),
    ]),
  );
  const principal = (
    principalType: IamPrincipal['principalType'],
    detail: { Arn: string; Path?: string; PermissionsBoundary?: { PermissionsBoundaryArn?: string } },
    name: string,
    policies: AppliedPolicy[],
    instanceProfileArns: string[] = [],
  ): IamPrincipal => ({
    kind: 'iam-principal',
    principalType,
    arn: detail.Arn,
    region: 'global',
    accountId,
    name,
    path: detail.Path ?? '/',
    ...(detail.PermissionsBoundary?.PermissionsBoundaryArn
      ? { permissionsBoundary: detail.PermissionsBoundary.PermissionsBoundaryArn }
      : {}),
    policies,
    instanceProfileArns,
  });
  return [
    ...(details.UserDetailList ?? []).map((u) =>
      principal('user', u, u.UserName, [
        ...applied(u.UserPolicyList, u.AttachedManagedPolicies),
        ...(u.GroupList ?? []).flatMap((g) => groups.get(g) ?? [unlistedGroup(g)]),
      ]),
    ),
    ...(details.RoleDetailList ?? []).map((r) =>
      principal(
        'role',
        r,
        r.RoleName,
        applied(r.RolePolicyList, r.AttachedManagedPolicies),
        (r.InstanceProfileList ?? []).map((p) => p.Arn),
      ),
    ),
  ];
}

/** A group a user is in that the answer does not describe (e.g. a snapshot edited by hand): its policies are unknown. */
function unlistedGroup(group: string): AppliedPolicy {
  return {
    name: group,
    attachment: { type: 'unlisted group', group },
    document: {
      kind: 'error',
      operation: 'iam:GetAccountAuthorizationDetails',
      error: { name: 'GroupNotListed', message: `group ${group} is not in GroupDetailList` },
    },
  };
}

function gapFor(observed: Observed<unknown>, kind: Gap['kind'], arn: string, gaps: Gap[]): void {
  const reason = unreadableReason(observed);
  if (reason) gaps.push({ kind, arn, region: 'global', reason });
}

/**
 * The `iam` section as the typed model. Users come from the credential report and policies from ListPolicies:
 * when either could not be read, a gap makes every check of those resources `unknown`.
 */
export function normaliseIam(
  section: IamSection,
  context: { accountId: string; partition: string },
): { iam: IamState; gaps: Gap[] } {
  const { accountId, partition } = context;
  const gaps: Gap[] = [];

  const rows = observe(section.GetCredentialReport, 'iam:GetCredentialReport', [], (r) =>
    r.GeneratedTime === undefined || isReportTime(r.GeneratedTime)
      ? parseReport(r.Content)
      : malformedReport(`GeneratedTime ${JSON.stringify(r.GeneratedTime)} is not a time`),
  );
  gapFor(
    rows,
    'iam-user',
    resourceArn('iam', 'user', 'global')({ partition, region: 'global', accountId, id: '*' }),
    gaps,
  );
  const generatedTime =
    section.GetCredentialReport && !('error' in section.GetCredentialReport)
      ? section.GetCredentialReport.GeneratedTime
      : undefined;
  const root = rows.kind === 'present' ? rows.value.find((r) => r.user === '<root_account>') : undefined;
  const credentialReport: IamState['credentialReport'] =
    rows.kind === 'present'
      ? { kind: 'present', value: { ...(generatedTime ? { generatedTime } : {}), ...(root ? { root } : {}) } }
      : rows;
  const users = (rows.kind === 'present' ? rows.value : [])
    .filter((row) => row.user !== '<root_account>')
    .map((row): IamUser => ({ ...row, kind: 'iam-user', region: 'global', accountId, name: row.user }));

  const listed = observe(section.ListPolicies, 'iam:ListPolicies', [], (r) => r.Policies);
  gapFor(
    listed,
    'iam-policy',
    resourceArn('iam', 'policy', 'global')({ partition, region: 'global', accountId, id: '*' }),
    gaps,
  );
  const versions = section.GetPolicyVersion ?? {};
  // ListPolicies holds the AWS managed policies too (for principals' documents); IAM.1 is about customer managed ones.
  const customerManaged = (listed.kind === 'present' ? listed.value : []).filter((p) => !AWS_MANAGED.test(p.Arn));
  const policies = customerManaged.map((p): IamPolicy => ({
    kind: 'iam-policy',
    arn: p.Arn,
    region: 'global',
    accountId,
    name: p.PolicyName ?? p.Arn,
    attachmentCount: p.AttachmentCount ?? 0,
    document: observe(versions[p.Arn], 'iam:GetPolicyVersion', [], (v) => parseDocument(v.PolicyVersion?.Document)),
  }));

  const details = observe(section.GetAccountAuthorizationDetails, 'iam:GetAccountAuthorizationDetails', [], (r) => r);
  for (const type of ['user', 'role'])
    gapFor(
      details,
      'iam-principal',
      resourceArn('iam', type, 'global')({ partition, region: 'global', accountId, id: '*' }),
      gaps,
    );
  const principals = details.kind === 'present' ? principalsOf(section, details.value, listed, accountId) : [];

  const certificateListing = observe(
    section.ListServerCertificates,
    'iam:ListServerCertificates',
    [],
    (r) => r.ServerCertificateMetadataList,
  );
  gapFor(
    certificateListing,
    'iam-server-certificate',
    resourceArn('iam', 'server-certificate', 'global')({ partition, region: 'global', accountId, id: '*' }),
    gaps,
  );
  const serverCertificates = (certificateListing.kind === 'present' ? certificateListing.value : []).map(
    (c): IamServerCertificate => ({
      kind: 'iam-server-certificate',
      arn: c.Arn,
      region: 'global',
      accountId,
      name: c.ServerCertificateName,
      ...(c.Expiration !== undefined ? { expiration: c.Expiration } : {}),
      ...(c.UploadDate !== undefined ? { uploadDate: c.UploadDate } : {}),
    }),
  );

  const supportArn = SUPPORT_POLICY_ARN.replace('arn:aws:', `arn:${partition}:`);
  return {
    gaps,
    iam: {
      accountSummary: observe(section.GetAccountSummary, 'iam:GetAccountSummary', [], (r) => r.SummaryMap ?? {}),
      serverCertificateListing:
        certificateListing.kind === 'present'
          ? { kind: 'present', value: certificateListing.value.length }
          : certificateListing,
      serverCertificates,
      virtualMfaUsers: observe(section.ListVirtualMFADevices, 'iam:ListVirtualMFADevices', [], (r) =>
        r.VirtualMFADevices.flatMap((d) => (d.User ? [d.User.Arn] : [])),
      ),
      passwordPolicy: observe(
        section.GetAccountPasswordPolicy,
        'iam:GetAccountPasswordPolicy',
        NO_PASSWORD_POLICY,
        passwordPolicyOf,
      ),
      credentialReport,
      users,
      policies,
      authorizationDetails: observe(
        section.GetAccountAuthorizationDetails,
        'iam:GetAccountAuthorizationDetails',
        [],
        (r) => ({
          users: r.UserDetailList?.length ?? 0,
          groups: r.GroupDetailList?.length ?? 0,
          roles: r.RoleDetailList?.length ?? 0,
        }),
      ),
      principals,
      groups:
        details.kind === 'present'
          ? (details.value.GroupDetailList ?? []).map((g) => ({
              name: g.GroupName,
              arn: g.Arn,
              managedPolicyArns: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn),
            }))
          : [],
      supportAccess: observe(section.ListEntitiesForPolicy?.[supportArn], 'iam:ListEntitiesForPolicy', [], (r) => ({
        users: (r.PolicyUsers ?? []).flatMap((u) => (u.UserName ? [u.UserName] : [])),
        groups: (r.PolicyGroups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])),
        roles: (r.PolicyRoles ?? []).flatMap((g) => (g.RoleName ? [g.RoleName] : [])),
      })),
    },
  };
}
