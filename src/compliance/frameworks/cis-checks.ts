/**
 * The checks that decide CIS recommendations: the same in every CIS version, whatever the
 * recommendation's number there.
 */
export const CIS_CHECKS = {
  rootNoAccessKeys: ['iam-root-no-access-keys'],
  rootMfa: ['iam-root-mfa-enabled'],
  // one check decides both the length (14) and the reuse (24) recommendations
  passwordPolicy: ['iam-password-policy-strong'],
  consoleMfa: ['iam-user-console-mfa'],
  unusedCredentials: ['iam-user-unused-credentials'],
  keysRotated: ['iam-user-access-keys-rotated'],
  oneActiveKey: ['iam-user-one-active-key'],
  // the policy (customer managed, IAM.1) and who has "*" on "*" by any policy (inline, AWS managed, through a group)
  noFullAdmin: ['iam-policy-no-full-admin', 'iam-principal-no-full-admin'],
  supportRole: ['iam-support-role-exists'],
  // GetAlternateContact SECURITY: registered or not (whether it is current stays a person's call, 1.1)
  securityContact: ['account-security-contact-registered'],
  // root has MFA and no virtual MFA device is assigned to root (the benchmark's audit)
  rootHardwareMfa: ['iam-root-hardware-mfa'],
  // each user and role: attached directly or through a group
  noCloudShellFullAccess: ['iam-no-cloudshell-full-access'],
  // each certificate ListServerCertificates lists: expired before the scan fails
  expiredServerCertificates: ['iam-server-certificate-not-expired'],
  // every instance (not terminated) has an instance profile
  instanceRoles: ['ec2-instance-uses-iam-role'],
  // a route to a peering for 0.0.0.0/0, ::/0 or a range covering the whole peer VPC fails
  peeringRoutes: ['ec2-vpc-peering-routes-least-access'],
  // any root sign-in or root key use within the check's window (30 days by default) fails
  rootNotUsed: ['iam-root-not-used-recently'],
  // the benchmark's audit: a console user with an active access key never used
  noSetupAccessKeys: ['iam-user-no-setup-access-keys'],
  // inline or attached managed policies of the user itself (groups are fine)
  permissionsThroughGroups: ['iam-policies-attached-to-groups-or-roles'],
  denyHttp: ['s3-bucket-deny-insecure-transport'],
  mfaDelete: ['s3-bucket-mfa-delete-enabled'],
  // the benchmark audits both the bucket and the account setting
  blockPublicAccess: ['s3-bucket-public-access-block', 's3-account-public-access-block'],
  ebsDefaultEncryption: ['ec2-ebs-default-encryption'],
  rdsEncrypted: ['rds-instance-encrypted'],
  rdsAutoMinorVersionUpgrade: ['rds-instance-auto-minor-version-upgrade'],
  rdsNotPublic: ['rds-instance-not-public'],
  rdsMultiAz: ['rds-instance-multi-az'],
  efsEncrypted: ['efs-file-system-encrypted'],
  vpcFlowLogs: ['ec2-vpc-flow-logs-enabled'],
  naclAdminPorts: ['ec2-nacl-no-public-admin-ports'],
  // covers IPv4 and IPv6 and more ports than SSH/RDP: it decides both security-group recommendations
  sgAdminPorts: ['ec2-sg-no-public-admin-ports'],
  defaultSg: ['ec2-default-sg-restricts-all'],
  // 445 is among the check's default high-risk ports (a config that drops it from \`ports\` narrows this too)
  cifs: ['ec2-sg-no-public-admin-ports'],
  // the benchmark's audit is whether Macie (or a like tool) runs: Macie enabled in every scanned region
  s3DataClassification: ['macie2-enabled'],
  imdsv2: ['ec2-instance-imdsv2-required'],
  cloudtrailAllRegions: ['cloudtrail-multi-region-logging'],
  cloudtrailValidation: ['cloudtrail-log-file-validation'],
  // the trail bucket check fails on a public bucket as well as on missing access logging
  cloudtrailBucketLogging: ['cloudtrail-bucket-not-public-and-logged'],
  cloudtrailKms: ['cloudtrail-kms-encryption'],
  // one check decides both object-level logging recommendations (writes 3.8, reads 3.9)
  s3DataEvents: ['cloudtrail-s3-data-events'],
  // per region: every enabled region must pass for the recommendation to pass
  accessAnalyzer: ['accessanalyzer-enabled'],
  configAllRegions: ['config-recorder-all-resources'],
  kmsRotation: ['kms-key-rotation-enabled'],
  securityHub: ['securityhub-enabled'],
  // section 4 (the same numbers from v1.4 to v5.0): metric filter, alarm and a confirmed SNS subscription
  monitorUnauthorizedApiCalls: ['monitoring-unauthorized-api-calls'],
  monitorSigninWithoutMfa: ['monitoring-console-signin-without-mfa'],
  monitorRootUsage: ['monitoring-root-usage'],
  monitorIamPolicyChanges: ['monitoring-iam-policy-changes'],
  monitorCloudTrailChanges: ['monitoring-cloudtrail-changes'],
  monitorConsoleAuthFailures: ['monitoring-console-auth-failures'],
  monitorCmkDisableOrDeletion: ['monitoring-cmk-disable-or-deletion'],
  monitorS3BucketPolicyChanges: ['monitoring-s3-bucket-policy-changes'],
  monitorConfigChanges: ['monitoring-config-changes'],
  monitorSecurityGroupChanges: ['monitoring-security-group-changes'],
  monitorNaclChanges: ['monitoring-nacl-changes'],
  monitorNetworkGatewayChanges: ['monitoring-network-gateway-changes'],
  monitorRouteTableChanges: ['monitoring-route-table-changes'],
  monitorVpcChanges: ['monitoring-vpc-changes'],
  monitorOrganizationsChanges: ['monitoring-organizations-changes'],
};

/** What every CIS mapping says of itself; the monitoring section is 4 up to v5.0.0 and 5 from v6.0.0. */
export function cisScope(monitoringSection: number): string {
  return (
    'Every recommendation is listed. Those with checks are decided from the scan; the rest are manual, each for a reason docs/compliance.md gives. ' +
    'iam-password-policy-strong decides both password recommendations (length 14, reuse 24): a policy short of either fails both. ' +
    'ec2-sg-no-public-admin-ports decides both security-group recommendations: it flags 0.0.0.0/0 and ::/0 and database and other admin ports besides SSH/RDP, so its message says which rule and port. ' +
    'cloudtrail-s3-data-events decides both object-level logging recommendations (write and read): its message names what is missing. ' +
    'cloudtrail-bucket-not-public-and-logged decides the trail-bucket access logging recommendation and also fails when that bucket is public. ' +
    'Access Analyzer, Config and Security Hub are decided per region (every scanned region must pass); securityhub-enabled also asks for the FSBP and CIS standards, stricter than the recommendation. ' +
    `The section ${monitoringSection} monitoring recommendations are decided by what the metric filter matches, not by its text: a reordered or broader filter passes, a narrower one fails naming the events it misses; the filter must be on the log group of a multi-region, logging trail with management reads and writes, and its alarm must notify an SNS topic with a confirmed subscription.`
  );
}

export const CIS_SCOPE = cisScope(4);
