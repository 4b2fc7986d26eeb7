import {
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketOperation } from '../model/snapshot-schema.ts';

type BucketCall = (client: S3Client, Bucket: string, options: { abortSignal?: AbortSignal }) => Promise<object>;

/** The SDK call behind each snapshot operation name (the snapshot keys are the API operation names). */
export const BUCKET_CALLS: Record<BucketOperation, BucketCall> = {
  GetBucketPolicy: (c, Bucket, o) => c.send(new GetBucketPolicyCommand({ Bucket }), o),
  GetBucketPolicyStatus: (c, Bucket, o) => c.send(new GetBucketPolicyStatusCommand({ Bucket }), o),
  GetPublicAccessBlock: (c, Bucket, o) => c.send(new GetPublicAccessBlockCommand({ Bucket }), o),
  GetBucketAcl: (c, Bucket, o) => c.send(new GetBucketAclCommand({ Bucket }), o),
  GetBucketOwnershipControls: (c, Bucket, o) => c.send(new GetBucketOwnershipControlsCommand({ Bucket }), o),
  GetBucketEncryption: (c, Bucket, o) => c.send(new GetBucketEncryptionCommand({ Bucket }), o),
  GetBucketVersioning: (c, Bucket, o) => c.send(new GetBucketVersioningCommand({ Bucket }), o),
  GetBucketLogging: (c, Bucket, o) => c.send(new GetBucketLoggingCommand({ Bucket }), o),
  GetObjectLockConfiguration: (c, Bucket, o) => c.send(new GetObjectLockConfigurationCommand({ Bucket }), o),
  GetBucketLifecycleConfiguration: (c, Bucket, o) => c.send(new GetBucketLifecycleConfigurationCommand({ Bucket }), o),
  GetBucketReplication: (c, Bucket, o) => c.send(new GetBucketReplicationCommand({ Bucket }), o),
  GetBucketTagging: (c, Bucket, o) => c.send(new GetBucketTaggingCommand({ Bucket }), o),
  GetBucketWebsite: (c, Bucket, o) => c.send(new GetBucketWebsiteCommand({ Bucket }), o),
  GetBucketNotificationConfiguration: (c, Bucket, o) => c.send(new GetBucketNotificationConfigurationCommand({ Bucket }), o),
  GetBucketCors: (c, Bucket, o) => c.send(new GetBucketCorsCommand({ Bucket }), o),
};
