import {
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
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
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { z } from 'zod';
import { regionFromLocationConstraint } from '../../aws/regions.ts';
import { defineService, type OperationDeclaration } from '../define-service.ts';
import { BUCKET_OPERATIONS, getPublicAccessBlock, NOT_CONFIGURED_ERRORS, type BucketOperation } from './schema.ts';

/** A per-bucket call: the bucket is its only input, the snapshot keeps it under `buckets.<name>.<Operation>`. */
function bucketCall(command: OperationDeclaration['command'], op: BucketOperation, iam: string): OperationDeclaration {
  return {
    command,
    response: BUCKET_OPERATIONS[op],
    iam: [iam],
    ...(NOT_CONFIGURED_ERRORS[op] ? { notConfigured: NOT_CONFIGURED_ERRORS[op] } : {}),
  };
}

type ListBucketsAnswer = {
  Buckets?: { Name?: string; BucketRegion?: string; CreationDate?: string; BucketArn?: string }[];
};

/**
 * Amazon S3 (a global section: every bucket is listed once, then asked in its own region; see docs/snapshot.md,
 * section s3). Several IAM actions are not named like the API call.
 */
export default defineService({
  name: 's3',
  title: 'Amazon S3',
  scope: 'global',
  client: S3Client,
  operations: {
    GetPublicAccessBlock: {
      command: GetAccountPublicAccessBlockCommand,
      client: S3ControlClient,
      input: ({ accountId }) => ({ AccountId: accountId }),
      response: getPublicAccessBlock,
      notConfigured: ['NoSuchPublicAccessBlockConfiguration'],
      iam: ['s3:GetAccountPublicAccessBlock'],
    },
    // Paginated requests are the only ones AWS serves for accounts above 10,000 buckets.
    ListBuckets: {
      command: ListBucketsCommand,
      input: () => ({ MaxBuckets: 1000 }),
      pages: { input: 'ContinuationToken', output: 'ContinuationToken', items: ['Buckets'] },
      response: z.looseObject({
        Buckets: z
          .array(
            z.looseObject({
              Name: z.string().optional(),
              BucketRegion: z.string().optional(),
              CreationDate: z.string().optional(),
              BucketArn: z.string().optional(),
            }),
          )
          .optional(),
      }),
      stored: false,
      iam: ['s3:ListAllMyBuckets'],
    },
    // Older accounts' ListBuckets has no BucketRegion: GetBucketLocation tells, from any region.
    GetBucketLocation: {
      command: GetBucketLocationCommand,
      response: z.looseObject({ LocationConstraint: z.string().optional() }),
      stored: false,
      iam: ['s3:GetBucketLocation'],
    },
  },
  groupedResources: {
    buckets: {
      noun: 'bucket',
      list: 'ListBuckets',
      resources: (answer) =>
        ((answer as ListBucketsAnswer).Buckets ?? []).flatMap((bucket) =>
          bucket.Name
            ? [
                {
                  key: bucket.Name,
                  ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
                  entry: {
                    ...(bucket.CreationDate ? { CreationDate: bucket.CreationDate } : {}),
                    ...(bucket.BucketArn ? { BucketArn: bucket.BucketArn } : {}),
                  },
                },
              ]
            : [],
        ),
      locate: {
        operation: 'GetBucketLocation',
        region: (answer) =>
          regionFromLocationConstraint((answer as { LocationConstraint?: string }).LocationConstraint),
      },
      input: (bucket) => ({ Bucket: bucket }),
      gone: ['NoSuchBucket'],
      operations: {
        GetBucketPolicy: bucketCall(GetBucketPolicyCommand, 'GetBucketPolicy', 's3:GetBucketPolicy'),
        GetBucketPolicyStatus: bucketCall(
          GetBucketPolicyStatusCommand,
          'GetBucketPolicyStatus',
          's3:GetBucketPolicyStatus',
        ),
        GetPublicAccessBlock: bucketCall(
          GetPublicAccessBlockCommand,
          'GetPublicAccessBlock',
          's3:GetBucketPublicAccessBlock',
        ),
        GetBucketAcl: bucketCall(GetBucketAclCommand, 'GetBucketAcl', 's3:GetBucketAcl'),
        GetBucketOwnershipControls: bucketCall(
          GetBucketOwnershipControlsCommand,
          'GetBucketOwnershipControls',
          's3:GetBucketOwnershipControls',
        ),
        GetBucketEncryption: bucketCall(
          GetBucketEncryptionCommand,
          'GetBucketEncryption',
          's3:GetEncryptionConfiguration',
        ),
        GetBucketVersioning: bucketCall(GetBucketVersioningCommand, 'GetBucketVersioning', 's3:GetBucketVersioning'),
        GetBucketLogging: bucketCall(GetBucketLoggingCommand, 'GetBucketLogging', 's3:GetBucketLogging'),
        GetObjectLockConfiguration: bucketCall(
          GetObjectLockConfigurationCommand,
          'GetObjectLockConfiguration',
          's3:GetBucketObjectLockConfiguration',
        ),
        GetBucketLifecycleConfiguration: bucketCall(
          GetBucketLifecycleConfigurationCommand,
          'GetBucketLifecycleConfiguration',
          's3:GetLifecycleConfiguration',
        ),
        GetBucketReplication: bucketCall(
          GetBucketReplicationCommand,
          'GetBucketReplication',
          's3:GetReplicationConfiguration',
        ),
        GetBucketTagging: bucketCall(GetBucketTaggingCommand, 'GetBucketTagging', 's3:GetBucketTagging'),
        GetBucketWebsite: bucketCall(GetBucketWebsiteCommand, 'GetBucketWebsite', 's3:GetBucketWebsite'),
        GetBucketNotificationConfiguration: bucketCall(
          GetBucketNotificationConfigurationCommand,
          'GetBucketNotificationConfiguration',
          's3:GetBucketNotification',
        ),
        GetBucketCors: bucketCall(GetBucketCorsCommand, 'GetBucketCors', 's3:GetBucketCORS'),
      },
    },
  },
});
