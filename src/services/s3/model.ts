import type { Observed } from '../../model/observed.ts';

/** Typed S3 model the checks read. Field names are camelCase; the raw responses stay in the snapshot. */

export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export type PublicAccessBlockFlag = keyof PublicAccessBlock;

export const PUBLIC_ACCESS_BLOCK_FLAGS: readonly PublicAccessBlockFlag[] = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
];

/** The names AWS uses for each flag, for messages users can search for. */
export const PUBLIC_ACCESS_BLOCK_FLAG_NAMES: Record<PublicAccessBlockFlag, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

export interface AclGrant {
  granteeType: 'CanonicalUser' | 'Group' | 'AmazonCustomerByEmail' | string;
  uri?: string;
  id?: string;
  email?: string;
  permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | string;
}

export interface BucketAcl {
  ownerId?: string;
  grants: AclGrant[];
}

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' | string;

export interface EncryptionRule {
  sseAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse' | string;
  kmsMasterKeyId?: string;
  bucketKeyEnabled?: boolean;
}

export interface Versioning {
  /** undefined when versioning was never enabled (AWS returns an empty body) */
  status?: 'Enabled' | 'Suspended' | string;
  mfaDelete?: 'Enabled' | 'Disabled' | string;
}

export interface Logging {
  targetBucket?: string;
  targetPrefix?: string;
}

export interface ObjectLock {
  enabled: boolean;
  defaultRetention?: { mode?: string; days?: number; years?: number };
}

export interface LifecycleRule {
  id?: string;
  status: 'Enabled' | 'Disabled' | string;
  prefix?: string;
  expirationDays?: number;
  noncurrentVersionExpirationDays?: number;
  noncurrentVersionTransitions: number;
  transitions: number;
  abortIncompleteMultipartUploadDays?: number;
  hasFilter: boolean;
}

export interface ReplicationRule {
  id?: string;
  status: 'Enabled' | 'Disabled' | string;
  destinationBucket: string;
  destinationAccount?: string;
}

export interface Replication {
  role?: string;
  rules: ReplicationRule[];
}

export interface Website {
  indexDocument?: string;
  redirectAllRequestsTo?: string;
}

export interface Notifications {
  topics: number;
  queues: number;
  lambdaFunctions: number;
  eventBridge: boolean;
}

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
}

export interface S3Bucket {
  kind: 's3-bucket';
  name: string;
  arn: string;
  region: string;
  accountId: string;
  creationDate?: string;
  /** The policy text exactly as AWS returned it. */
  policyText: Observed<string>;
  /** The parsed policy; an unparsable text is an `error` naming the parse error. */
  policy: Observed<unknown>;
  policyStatus: Observed<{ isPublic: boolean }>;
  publicAccessBlock: Observed<PublicAccessBlock>;
  acl: Observed<BucketAcl>;
  ownership: Observed<ObjectOwnership>;
  encryption: Observed<EncryptionRule[]>;
  versioning: Observed<Versioning>;
  logging: Observed<Logging>;
  objectLock: Observed<ObjectLock>;
  lifecycle: Observed<LifecycleRule[]>;
  replication: Observed<Replication>;
  tags: Observed<Record<string, string>>;
  website: Observed<Website>;
  notifications: Observed<Notifications>;
  cors: Observed<CorsRule[]>;
}

export interface S3State {
  /** The account-level (S3 Control) Public Access Block. */
  accountPublicAccessBlock: Observed<PublicAccessBlock>;
  buckets: S3Bucket[];
}
