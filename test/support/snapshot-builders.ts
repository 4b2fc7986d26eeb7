import type { Snapshot } from '../../src/model/snapshot-schema.ts';
import type { BucketEntry } from '../../src/services/s3/schema.ts';

export const ACCOUNT_ID = '123456789012';

/** An AWS error entry exactly as the snapshot records it. */
export function awsError(name: string, message = defaultMessages[name] ?? name) {
  return { error: { name, message } };
}

const defaultMessages: Record<string, string> = {
  AccessDenied: 'Access Denied',
  NoSuchBucketPolicy: 'The bucket policy does not exist',
  NoSuchPublicAccessBlockConfiguration: 'The public access block configuration was not found',
  ServerSideEncryptionConfigurationNotFoundError: 'The server side encryption configuration was not found',
  OwnershipControlsNotFoundError: 'The bucket ownership controls were not found',
  ObjectLockConfigurationNotFoundError: 'Object Lock configuration does not exist for this bucket',
  NoSuchLifecycleConfiguration: 'The lifecycle configuration does not exist',
  ReplicationConfigurationNotFoundError: 'The replication configuration was not found',
  NoSuchTagSet: 'The TagSet does not exist',
  NoSuchWebsiteConfiguration: 'The specified bucket does not have a website configuration',
  NoSuchCORSConfiguration: 'The CORS configuration does not exist',
};

const allBlocked = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export function denyInsecureTransportStatement(bucket: string) {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

export function policy(...statements: unknown[]): { Policy: string } {
  return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
}

/**
 * A bucket that passes every S3 check, with each API response shaped as the SDK returns it.
 * Test cases override single operations to make one check fail or become unknown.
 */
export function hardenedBucket(name: string, overrides: Partial<BucketEntry> = {}): BucketEntry {
  return {
    Region: 'ap-northeast-1',
    CreationDate: '2024-01-01T00:00:00.000Z',
    GetBucketPolicy: policy(denyInsecureTransportStatement(name)),
    GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } },
    GetPublicAccessBlock: { PublicAccessBlockConfiguration: { ...allBlocked } },
    GetBucketAcl: {
      Owner: { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
      Grants: [
        {
          Grantee: { Type: 'CanonicalUser', ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
          Permission: 'FULL_CONTROL',
        },
      ],
    },
    GetBucketOwnershipControls: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    GetBucketEncryption: {
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: `arn:aws:kms:ap-northeast-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    },
    GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Enabled' },
    GetBucketLogging: { LoggingEnabled: { TargetBucket: 'central-access-logs', TargetPrefix: `${name}/` } },
    GetObjectLockConfiguration: {
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
      },
    },
    GetBucketLifecycleConfiguration: {
      Rules: [
        {
          ID: 'expire-noncurrent',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          NoncurrentVersionExpiration: { NoncurrentDays: 90 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    },
    GetBucketReplication: {
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${ACCOUNT_ID}:role/s3-replication`,
        Rules: [{ ID: 'dr', Status: 'Enabled', Destination: { Bucket: `arn:aws:s3:::${name}-dr` } }],
      },
    },
    GetBucketTagging: { TagSet: [{ Key: 'env', Value: 'prod' }] },
    GetBucketWebsite: awsError('NoSuchWebsiteConfiguration'),
    GetBucketNotificationConfiguration: { EventBridgeConfiguration: {} },
    GetBucketCors: awsError('NoSuchCORSConfiguration'),
    ...overrides,
  };
}

export function snapshotWith(
  buckets: Record<string, BucketEntry>,
  accountPublicAccessBlock: Snapshot['s3'] extends infer S
    ? S extends { GetPublicAccessBlock?: infer P }
      ? P
      : never
    : never = {
    PublicAccessBlockConfiguration: { ...allBlocked },
  },
): Snapshot {
  return {
    cloudwarden: 'snapshot/v1',
    accountId: ACCOUNT_ID,
    partition: 'aws',
    collectedAt: '2026-11-22T00:00:00Z',
    s3: { GetPublicAccessBlock: accountPublicAccessBlock, buckets },
  };
}

/** GetBucketEncryption as AWS answers for a bucket on the default SSE-S3 (every bucket since January 2023). */
export function sseS3Encryption(): NonNullable<BucketEntry['GetBucketEncryption']> {
  return {
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
    },
  };
}

/** GetBucketEncryption for SSE-KMS; leave `keyId` undefined for the AWS managed key (aws/s3). */
export function sseKmsEncryption(
  keyId: string | undefined,
  { bucketKey = true, algorithm = 'aws:kms' }: { bucketKey?: boolean; algorithm?: string } = {},
): NonNullable<BucketEntry['GetBucketEncryption']> {
  return {
    ServerSideEncryptionConfiguration: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: {
            SSEAlgorithm: algorithm,
            ...(keyId === undefined ? {} : { KMSMasterKeyID: keyId }),
          },
          BucketKeyEnabled: bucketKey,
        },
      ],
    },
  };
}

export const CUSTOMER_KEY_ARN = `arn:aws:kms:ap-northeast-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** The snapshot with the account-level (S3 Control) Public Access Block not collected. */
export function withoutAccountPublicAccessBlock(snapshot: Snapshot): Snapshot {
  const { GetPublicAccessBlock: _omitted, ...s3 } = snapshot.s3 ?? { buckets: {} };
  return { ...snapshot, s3: s3 };
}

/** A snapshot whose only bucket, `b`, is hardened except for the given operations: one case of a check's table. */
export function onlyBucket(overrides: Partial<BucketEntry>): Snapshot {
  return snapshotWith({ b: hardenedBucket('b', overrides) });
}
