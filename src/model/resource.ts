/**
 * The resource kinds every service shares, and the gap record. A leaf module: the services' normalisers import it,
 * and the account state (which imports the services' state declarations) re-exports it.
 */

/**
 * The account itself, for one service's account-wide settings (the account-level Public Access Block, the IAM
 * password policy). Each service has its own: see `accountResource`.
 */
export interface AccountResource {
  kind: 'account';
  arn: string;
  region: string;
  accountId: string;
}

/**
 * One region of the account, for per-region settings (EBS default encryption, GuardDuty enabled…).
 * ARN `arn:<partition>:account::<account>:region/<region>`.
 */
export interface RegionResource {
  kind: 'region';
  arn: string;
  region: string;
  accountId: string;
}

/** Resources nobody could list (a listing call failed or was not collected in a region). */
export interface Gap {
  /** the resource kind hidden (a kind some service declares) */
  kind: string;
  /** wildcard ARN of what is hidden, e.g. `arn:aws:ec2:us-east-1:123456789012:network-acl/*` */
  arn: string;
  region: string;
  reason: string;
}
