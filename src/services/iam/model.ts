import type { Observed } from '../../model/observed.ts';

/** One access key slot of a credential report row. */
export interface AccessKeyReport {
  slot: 1 | 2;
  active: boolean;
  /** ISO time; undefined when the report says N/A */
  lastRotated?: string;
  lastUsed?: string;
}

/** One row of the credential report (`<root_account>` included), in the report's own terms. */
export interface CredentialReportRow {
  user: string;
  arn: string;
  userCreationTime?: string;
  /** `not_supported` for the root user: the report cannot say */
  passwordEnabled: boolean | undefined;
  passwordLastUsed?: string;
  passwordLastChanged?: string;
  mfaActive: boolean;
  accessKeys: AccessKeyReport[];
}

/** An IAM user, as the credential report describes it (ARN `arn:<partition>:iam::<account>:user/<path><name>`). */
export interface IamUser extends CredentialReportRow {
  kind: 'iam-user';
  region: 'global';
  accountId: string;
  name: string;
}

/** An SSL/TLS server certificate stored in IAM (ARN `arn:<partition>:iam::<account>:server-certificate/<path><name>`). */
export interface IamServerCertificate {
  kind: 'iam-server-certificate';
  arn: string;
  region: 'global';
  accountId: string;
  name: string;
  /** ISO time; IAM always gives it for a certificate it parsed, but the API marks it optional */
  expiration?: string;
  uploadDate?: string;
}

/** A customer managed policy that is attached to at least one user, group or role. */
export interface IamPolicy {
  kind: 'iam-policy';
  arn: string;
  region: 'global';
  accountId: string;
  name: string;
  attachmentCount: number;
  /** the default version's document, parsed */
  document: Observed<unknown>;
}

/**
 * How a policy reaches a principal; `group` names the group for policies a user has through it. `unlisted group`:
 * a group of the user that GetAccountAuthorizationDetails does not describe, standing for all its unknown policies
 * (the policy's `name` is the group's).
 */
export interface PolicyAttachment {
  type: 'inline' | 'customer managed' | 'AWS managed' | 'unlisted group';
  group?: string;
}

/** One policy that applies to a user or role, with its document (the default version for managed policies). */
export interface AppliedPolicy {
  name: string;
  /** managed policies only */
  arn?: string;
  attachment: PolicyAttachment;
  document: Observed<unknown>;
}

/**
 * An IAM user or role with every identity policy that applies to it (GetAccountAuthorizationDetails), whoever
 * created it: users come from IAM itself, not from the credential report, so a user created since the report
 * was generated is here too. ARN `arn:<partition>:iam::<account>:user/<path><name>` or `...:role/<path><name>`.
 */
export interface IamPrincipal {
  kind: 'iam-principal';
  principalType: 'user' | 'role';
  arn: string;
  region: 'global';
  accountId: string;
  name: string;
  path: string;
  permissionsBoundary?: string;
  policies: AppliedPolicy[];
  /** roles: ARNs (with their path) of the instance profiles that hold the role; users: none */
  instanceProfileArns: string[];
}

/** An IAM group and the managed policies attached to it (GetAccountAuthorizationDetails), members or not. */
export interface IamGroupAttachments {
  name: string;
  arn: string;
  managedPolicyArns: string[];
}

export interface PasswordPolicy {
  minimumLength?: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  maxAge?: number;
  reusePrevention?: number;
}

export interface IamState {
  /** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent…) */
  accountSummary: Observed<Record<string, number>>;
  /** ListVirtualMFADevices (assigned): ARNs of the users (root: `arn:<partition>:iam::<account>:root`) with a virtual device */
  virtualMfaUsers: Observed<string[]>;
  /** ListServerCertificates as a whole; the certificates themselves are `serverCertificates` */
  serverCertificateListing: Observed<number>;
  serverCertificates: IamServerCertificate[];
  /** absent (`NoSuchEntity`) when the account has no password policy */
  passwordPolicy: Observed<PasswordPolicy>;
  /** the report itself; its `<root_account>` row when there is one */
  credentialReport: Observed<{ generatedTime?: string; root?: CredentialReportRow }>;
  users: IamUser[];
  policies: IamPolicy[];
  /** GetAccountAuthorizationDetails as a whole (how many of each it described) */
  authorizationDetails: Observed<{ users: number; groups: number; roles: number }>;
  /** users and roles with their policies; empty when GetAccountAuthorizationDetails failed (a gap says so) */
  principals: IamPrincipal[];
  /** every group with its attached managed policies (a group without members too); empty when the details failed */
  groups: IamGroupAttachments[];
  /** users, groups and roles that have AWSSupportAccess attached */
  supportAccess: Observed<{ users: string[]; groups: string[]; roles: string[] }>;
}

/**
 * The role an EC2 instance profile holds, found by the profile's full ARN (paths included), from
 * GetAccountAuthorizationDetails. `present` with no value: IAM was read and no role lists the profile (a profile
 * without a role, or one created since). `missing`/`error` when the roles could not be read.
 */
export function roleOfInstanceProfile(iam: IamState, profileArn: string): Observed<IamPrincipal | undefined> {
  const details = iam.authorizationDetails;
  if (details.kind === 'error' || details.kind === 'missing') return details;
  const role = iam.principals.find((p) => p.principalType === 'role' && p.instanceProfileArns.includes(profileArn));
  return { kind: 'present', value: role };
}
