import type { Observed } from './observed.ts';

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
  /** absent (`NoSuchEntity`) when the account has no password policy */
  passwordPolicy: Observed<PasswordPolicy>;
  /** the report itself; its `<root_account>` row when there is one */
  credentialReport: Observed<{ generatedTime?: string; root?: CredentialReportRow }>;
  users: IamUser[];
  policies: IamPolicy[];
  /** users, groups and roles that have AWSSupportAccess attached */
  supportAccess: Observed<{ users: string[]; groups: string[]; roles: string[] }>;
}
