import type { Observed } from './observed.ts';
import { SERVICE_RESOURCE_KINDS } from '../services/sections.ts';
import type { CloudTrailState, CloudTrailTrail } from './cloudtrail.ts';
import type { Ec2Instance, Ec2Image, Ec2NetworkAcl, Ec2SecurityGroup, Ec2Snapshot, Ec2State, Ec2Vpc } from './ec2.ts';
import type { S3Bucket, S3State } from './s3.ts';
import type { IamPolicy, IamPrincipal, IamState, IamUser } from './iam.ts';
import type { DetectionRegion, DetectionState } from './detection.ts';
import type { KmsKey, KmsState } from './kms.ts';
import type { EcrRepository, EcrState } from './ecr.ts';
import type { Elbv2State, LoadBalancer } from './elbv2.ts';
import type { SsmState } from './ssm.ts';
import type { CloudFrontDistribution, CloudFrontState } from './cloudfront.ts';

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

/** Every resource a check can be about. New services add their resource types here. */
export type Resource =
  | S3Bucket
  | AccountResource
  | RegionResource
  | Ec2NetworkAcl
  | Ec2SecurityGroup
  | Ec2Instance
  | Ec2Vpc
  | Ec2Image
  | Ec2Snapshot
  | CloudTrailTrail
  | IamUser
  | IamPolicy
  | IamPrincipal
  | KmsKey
  | EcrRepository
  | LoadBalancer
  | CloudFrontDistribution;
export type ResourceKind = Resource['kind'];
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/** The typed model every check reads (DESIGN.md: AccountState). Built from a snapshot by `normalise`. */
export interface AccountState {
  accountId: string;
  partition: string;
  collectedAt: string;
  partial: boolean;
  /** regions whose regional services were collected */
  regions: RegionResource[];
  /** services with a section in the snapshot; checks of other services are not run (the report lists them) */
  collectedServices: string[];
  /**
   * Resources nobody could list: a listing call failed or was not collected in a region. Every check of
   * that resource kind reports `unknown` for the gap, so a hidden resource never passes silently.
   */
  gaps: Gap[];
  s3: S3State;
  ec2: Ec2State;
  cloudtrail: CloudTrailState;
  iam: IamState;
  /** GuardDuty, Security Hub, Config, Access Analyzer, Inspector, Macie per region */
  detection: DetectionState;
  kms: KmsState;
  ecr: EcrState;
  elbv2: Elbv2State;
  /** Systems Manager registration of instances, per region */
  ssm: SsmState;
  cloudfront: CloudFrontState;
}

export interface Gap {
  kind: ResourceKind;
  /** wildcard ARN of what is hidden, e.g. `arn:aws:ec2:us-east-1:123456789012:network-acl/*` */
  arn: string;
  region: string;
  reason: string;
}

/** How results name a resource type (Security Hub's resource type names, which users know); services declare theirs. */
export const RESOURCE_TYPE_NAMES: Record<ResourceKind, string> = {
  account: 'AwsAccount',
  region: 'AwsAccount',
  ...SERVICE_RESOURCE_KINDS,
};

/** The Security Hub type of one result's resource (or gap): an IAM principal is a user or a role. */
export function resourceTypeName(kind: ResourceKind, arn: string): string {
  if (kind === 'iam-principal') return /^arn:[^:]+:iam::[^:]*:role\//.test(arn) ? 'AwsIamRole' : 'AwsIamUser';
  return RESOURCE_TYPE_NAMES[kind];
}

/**
 * The subject of a service's account-wide results: `arn:<partition>:<service>::<account>:account`, type AwsAccount
 * (docs/reports.md, "Resource identity"). Fingerprints, acceptances and the store key on it: it never changes.
 */
export function accountResource(
  state: Pick<AccountState, 'accountId' | 'partition'>,
  service: string,
): AccountResource {
  return {
    kind: 'account',
    arn: `arn:${state.partition}:${service}::${state.accountId}:account`,
    region: 'global',
    accountId: state.accountId,
  };
}

/** The resources a check of `service` about `kind` runs on. */
export function resourcesOf<K extends ResourceKind>(
  state: AccountState,
  kind: K,
  service: string,
): ResourceOfKind<K>[] {
  const byKind: { [P in ResourceKind]: ResourceOfKind<P>[] } = {
    's3-bucket': state.s3.buckets,
    account: [accountResource(state, service)],
    region: state.regions,
    'ec2-network-acl': state.ec2.networkAcls,
    'ec2-security-group': state.ec2.securityGroups,
    'ec2-instance': state.ec2.instances,
    'ec2-vpc': state.ec2.vpcs,
    'ec2-image': state.ec2.images,
    'ec2-snapshot': state.ec2.snapshots,
    'cloudtrail-trail': state.cloudtrail.trails,
    'iam-user': state.iam.users,
    'iam-policy': state.iam.policies,
    'iam-principal': state.iam.principals,
    'kms-key': state.kms.keys,
    'ecr-repository': state.ecr.repositories,
    'elbv2-load-balancer': state.elbv2.loadBalancers,
    'cloudfront-distribution': state.cloudfront.distributions,
  };
  return byKind[kind];
}

/** A snapshot operation a check can depend on, and where its observation lives in the model. */
export interface OperationSource {
  /** resource kind the observation belongs to; `account` ones are read from the state */
  scope: ResourceKind;
  read: (state: AccountState, resource: Resource) => Observed<unknown>;
}

function bucketField(field: keyof S3Bucket & string): OperationSource {
  return {
    scope: 's3-bucket',
    read: (_state, resource) => (resource as S3Bucket)[field] as Observed<unknown>,
  };
}

const MISSING_REGION = (operation: string): Observed<unknown> => ({ kind: 'missing', operation });

/**
 * A regional listing (`ec2:DescribeSecurityGroups`…) as seen in the region of the resource being checked:
 * checks that read across resources (an instance's security groups) name it in `needs` and become `unknown`
 * when the region's listing failed.
 */
function ec2Listing(operation: string): OperationSource {
  return {
    scope: 'account',
    read: (state, resource) =>
      state.ec2.regions[resource.region]?.listings[operation] ?? MISSING_REGION(`ec2:${operation}`),
  };
}

/**
 * DescribeTrails for account-wide checks: every region's listing includes the multi-region trails, so one
 * answered region is enough; with none answered, the first failure is the reason.
 */
function anyTrailListing(state: AccountState): Observed<unknown> {
  const observed = Object.values(state.cloudtrail.listings);
  return (
    observed.find((o) => o.kind === 'present') ??
    observed.find((o) => o.kind === 'error') ??
    MISSING_REGION('cloudtrail:DescribeTrails')
  );
}

function ec2RegionSetting(
  field: 'ebsEncryptionByDefault' | 'instanceMetadataDefaults',
  operation: string,
): OperationSource {
  return {
    scope: 'region',
    read: (state, resource) => state.ec2.regions[resource.region]?.[field] ?? MISSING_REGION(`ec2:${operation}`),
  };
}

/** A detection service's per-region answer (GuardDuty enabled, Security Hub standards…), read for a `region` resource. */
function detectionSetting(field: keyof DetectionRegion, operation: string): OperationSource {
  return {
    scope: 'region',
    read: (state, resource) => state.detection.regions[resource.region]?.[field] ?? MISSING_REGION(operation),
  };
}

/**
 * Every operation a check may list in `needs`, named `service:Operation` after the API call
 * (the snapshot's key), so that an unknown result names the exact call that failed.
 * The engine reads these to turn failed or missing evidence into `unknown`.
 */
export const OPERATIONS = {
  's3:GetBucketPolicy': bucketField('policy'),
  's3:GetBucketPolicyStatus': bucketField('policyStatus'),
  's3:GetPublicAccessBlock': bucketField('publicAccessBlock'),
  's3:GetBucketAcl': bucketField('acl'),
  's3:GetBucketOwnershipControls': bucketField('ownership'),
  's3:GetBucketEncryption': bucketField('encryption'),
  's3:GetBucketVersioning': bucketField('versioning'),
  's3:GetBucketLogging': bucketField('logging'),
  's3:GetObjectLockConfiguration': bucketField('objectLock'),
  's3:GetBucketLifecycleConfiguration': bucketField('lifecycle'),
  's3:GetBucketReplication': bucketField('replication'),
  's3:GetBucketTagging': bucketField('tags'),
  's3:GetBucketWebsite': bucketField('website'),
  's3:GetBucketNotificationConfiguration': bucketField('notifications'),
  's3:GetBucketCors': bucketField('cors'),
  's3control:GetPublicAccessBlock': {
    scope: 'account',
    read: (state) => state.s3.accountPublicAccessBlock,
  },
  'ec2:DescribeNetworkAcls': ec2Listing('DescribeNetworkAcls'),
  'ec2:DescribeSecurityGroups': ec2Listing('DescribeSecurityGroups'),
  'ec2:DescribeInstances': ec2Listing('DescribeInstances'),
  'ec2:DescribeVpcs': ec2Listing('DescribeVpcs'),
  'ec2:DescribeImages': ec2Listing('DescribeImages'),
  'ec2:DescribeSnapshots': ec2Listing('DescribeSnapshots'),
  'ec2:DescribeFlowLogs': { scope: 'ec2-vpc', read: (_state, resource) => (resource as Ec2Vpc).flowLogs },
  'ec2:DescribeSnapshotAttribute': {
    scope: 'ec2-snapshot',
    read: (_state, resource) => (resource as Ec2Snapshot).createVolumePermissions,
  },
  'ec2:GetEbsEncryptionByDefault': ec2RegionSetting('ebsEncryptionByDefault', 'GetEbsEncryptionByDefault'),
  'ec2:GetInstanceMetadataDefaults': ec2RegionSetting('instanceMetadataDefaults', 'GetInstanceMetadataDefaults'),
  'cloudtrail:DescribeTrails': { scope: 'account', read: (state) => anyTrailListing(state) },
  'cloudtrail:GetTrailStatus': {
    scope: 'cloudtrail-trail',
    read: (_state, resource) => (resource as CloudTrailTrail).status,
  },
  'cloudtrail:GetEventSelectors': {
    scope: 'cloudtrail-trail',
    read: (_state, resource) => (resource as CloudTrailTrail).selectors,
  },
  'iam:GetAccountSummary': { scope: 'account', read: (state) => state.iam.accountSummary },
  'iam:GetAccountPasswordPolicy': { scope: 'account', read: (state) => state.iam.passwordPolicy },
  'iam:GetCredentialReport': { scope: 'account', read: (state) => state.iam.credentialReport },
  'iam:ListEntitiesForPolicy': { scope: 'account', read: (state) => state.iam.supportAccess },
  'iam:GetPolicyVersion': { scope: 'iam-policy', read: (_state, resource) => (resource as IamPolicy).document },
  'iam:GetAccountAuthorizationDetails': { scope: 'iam-principal', read: (state) => state.iam.authorizationDetails },
  'guardduty:GetDetector': detectionSetting('guardDutyDetectors', 'guardduty:ListDetectors'),
  'securityhub:DescribeHub': detectionSetting('securityHub', 'securityhub:DescribeHub'),
  'securityhub:GetEnabledStandards': detectionSetting('securityHubStandards', 'securityhub:GetEnabledStandards'),
  'config:DescribeConfigurationRecorders': detectionSetting('configRecorders', 'config:DescribeConfigurationRecorders'),
  'accessanalyzer:ListAnalyzers': detectionSetting('accessAnalyzers', 'accessanalyzer:ListAnalyzers'),
  'inspector2:BatchGetAccountStatus': detectionSetting('inspector', 'inspector2:BatchGetAccountStatus'),
  'macie2:GetMacieSession': detectionSetting('macie', 'macie2:GetMacieSession'),
  'kms:DescribeKey': { scope: 'kms-key', read: (_state, resource) => (resource as KmsKey).metadata },
  'kms:GetKeyRotationStatus': { scope: 'kms-key', read: (_state, resource) => (resource as KmsKey).rotation },
  'wafv2:GetWebACLForResource': {
    scope: 'elbv2-load-balancer',
    read: (_state, resource) => (resource as LoadBalancer).webAcl,
  },
  'cloudfront:ListDistributions': { scope: 'account', read: (state) => state.cloudfront.listing },
  'ecr:GetRegistryScanningConfiguration': {
    scope: 'ecr-repository',
    read: (state, resource) =>
      state.ecr.registryScanning[resource.region] ?? MISSING_REGION('ecr:GetRegistryScanningConfiguration'),
  },
} satisfies Record<string, OperationSource>;

export type OperationName = keyof typeof OPERATIONS;
