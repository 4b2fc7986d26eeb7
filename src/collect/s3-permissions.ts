import type { BucketOperation } from '../services/s3/schema.ts';

/**
 * The IAM action behind each call the S3 collector makes (several are not named like the API call).
 * docs/scan-aws.md shows them as a policy; a test keeps both in step with the snapshot's operations.
 */
export const S3_ACCOUNT_IAM_ACTIONS = {
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketLocation': 's3:GetBucketLocation',
} as const;

export const S3_BUCKET_IAM_ACTIONS: Record<BucketOperation, string> = {
  GetBucketPolicy: 's3:GetBucketPolicy',
  GetBucketPolicyStatus: 's3:GetBucketPolicyStatus',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetBucketAcl: 's3:GetBucketAcl',
  GetBucketOwnershipControls: 's3:GetBucketOwnershipControls',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  GetBucketVersioning: 's3:GetBucketVersioning',
  GetBucketLogging: 's3:GetBucketLogging',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
  GetBucketReplication: 's3:GetReplicationConfiguration',
  GetBucketTagging: 's3:GetBucketTagging',
  GetBucketWebsite: 's3:GetBucketWebsite',
  GetBucketNotificationConfiguration: 's3:GetBucketNotification',
  GetBucketCors: 's3:GetBucketCORS',
};

/** The least-privilege policy for `scan aws --service s3` (sts:GetCallerIdentity needs no permission). */
export function s3ScanPolicy() {
  const actions = [...Object.values(S3_ACCOUNT_IAM_ACTIONS), ...Object.values(S3_BUCKET_IAM_ACTIONS)];
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'CloudwardenS3ScanReadOnly', Effect: 'Allow', Action: [...new Set(actions)].sort(), Resource: '*' }],
  };
}
