import { z } from 'zod';
import { awsErrorSchema, responseOr } from '../../model/response-schema.ts';

const publicAccessBlockConfiguration = z.looseObject({
  BlockPublicAcls: z.boolean().optional(),
  IgnorePublicAcls: z.boolean().optional(),
  BlockPublicPolicy: z.boolean().optional(),
  RestrictPublicBuckets: z.boolean().optional(),
});

export const getPublicAccessBlock = z.looseObject({ PublicAccessBlockConfiguration: publicAccessBlockConfiguration });

const grantee = z.looseObject({
  Type: z.string(),
  URI: z.string().optional(),
  ID: z.string().optional(),
  DisplayName: z.string().optional(),
  EmailAddress: z.string().optional(),
});

const lifecycleRule = z.looseObject({
  ID: z.string().optional(),
  Status: z.string(),
  Prefix: z.string().optional(),
  Filter: z.unknown().optional(),
  Expiration: z.looseObject({ Days: z.number().optional(), Date: z.string().optional() }).optional(),
  Transitions: z.array(z.unknown()).optional(),
  NoncurrentVersionExpiration: z.looseObject({ NoncurrentDays: z.number().optional() }).optional(),
  NoncurrentVersionTransitions: z.array(z.unknown()).optional(),
  AbortIncompleteMultipartUpload: z.looseObject({ DaysAfterInitiation: z.number().optional() }).optional(),
});

/** Per-bucket S3 operations and the shape of each one's output. */
export const BUCKET_OPERATIONS = {
  GetBucketPolicy: z.looseObject({ Policy: z.string().optional() }),
  GetBucketPolicyStatus: z.looseObject({
    PolicyStatus: z.looseObject({ IsPublic: z.boolean().optional() }).optional(),
  }),
  GetPublicAccessBlock: getPublicAccessBlock,
  GetBucketAcl: z.looseObject({
    Owner: z.looseObject({ ID: z.string().optional(), DisplayName: z.string().optional() }).optional(),
    Grants: z.array(z.looseObject({ Grantee: grantee.optional(), Permission: z.string().optional() })).optional(),
  }),
  GetBucketOwnershipControls: z.looseObject({
    OwnershipControls: z.looseObject({ Rules: z.array(z.looseObject({ ObjectOwnership: z.string() })) }).optional(),
  }),
  GetBucketEncryption: z.looseObject({
    ServerSideEncryptionConfiguration: z
      .looseObject({
        Rules: z.array(
          z.looseObject({
            ApplyServerSideEncryptionByDefault: z
              .looseObject({ SSEAlgorithm: z.string(), KMSMasterKeyID: z.string().optional() })
              .optional(),
            BucketKeyEnabled: z.boolean().optional(),
          }),
        ),
      })
      .optional(),
  }),
  GetBucketVersioning: z.looseObject({ Status: z.string().optional(), MFADelete: z.string().optional() }),
  GetBucketLogging: z.looseObject({
    LoggingEnabled: z.looseObject({ TargetBucket: z.string(), TargetPrefix: z.string().optional() }).optional(),
  }),
  GetObjectLockConfiguration: z.looseObject({
    ObjectLockConfiguration: z
      .looseObject({
        ObjectLockEnabled: z.string().optional(),
        Rule: z
          .looseObject({
            DefaultRetention: z
              .looseObject({ Mode: z.string().optional(), Days: z.number().optional(), Years: z.number().optional() })
              .optional(),
          })
          .optional(),
      })
      .optional(),
  }),
  GetBucketLifecycleConfiguration: z.looseObject({ Rules: z.array(lifecycleRule).optional() }),
  GetBucketReplication: z.looseObject({
    ReplicationConfiguration: z
      .looseObject({
        Role: z.string().optional(),
        Rules: z.array(
          z.looseObject({
            ID: z.string().optional(),
            Status: z.string(),
            Destination: z.looseObject({ Bucket: z.string(), Account: z.string().optional() }),
          }),
        ),
      })
      .optional(),
  }),
  GetBucketTagging: z.looseObject({ TagSet: z.array(z.looseObject({ Key: z.string(), Value: z.string() })) }),
  GetBucketWebsite: z.looseObject({
    IndexDocument: z.looseObject({ Suffix: z.string() }).optional(),
    RedirectAllRequestsTo: z.looseObject({ HostName: z.string() }).optional(),
  }),
  GetBucketNotificationConfiguration: z.looseObject({
    TopicConfigurations: z.array(z.unknown()).optional(),
    QueueConfigurations: z.array(z.unknown()).optional(),
    LambdaFunctionConfigurations: z.array(z.unknown()).optional(),
    EventBridgeConfiguration: z.looseObject({}).optional(),
  }),
  GetBucketCors: z.looseObject({
    CORSRules: z
      .array(
        z.looseObject({
          AllowedOrigins: z.array(z.string()),
          AllowedMethods: z.array(z.string()),
          AllowedHeaders: z.array(z.string()).optional(),
          ExposeHeaders: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  }),
} as const;

export type BucketOperation = keyof typeof BUCKET_OPERATIONS;

/**
 * Error names with which S3 says "this is not configured". They are facts for the checks,
 * not failures to read. Any other error makes the dependent checks `unknown`.
 */
export const NOT_CONFIGURED_ERRORS: Partial<Record<BucketOperation, readonly string[]>> = {
  GetBucketPolicy: ['NoSuchBucketPolicy'],
  GetBucketPolicyStatus: ['NoSuchBucketPolicy'],
  GetPublicAccessBlock: ['NoSuchPublicAccessBlockConfiguration'],
  GetBucketEncryption: ['ServerSideEncryptionConfigurationNotFoundError'],
  GetBucketOwnershipControls: ['OwnershipControlsNotFoundError'],
  GetObjectLockConfiguration: ['ObjectLockConfigurationNotFoundError'],
  GetBucketLifecycleConfiguration: ['NoSuchLifecycleConfiguration'],
  GetBucketReplication: ['ReplicationConfigurationNotFoundError'],
  GetBucketTagging: ['NoSuchTagSet'],
  GetBucketWebsite: ['NoSuchWebsiteConfiguration'],
  GetBucketCors: ['NoSuchCORSConfiguration'],
};

export const BUCKET_OPERATION_NAMES = Object.keys(BUCKET_OPERATIONS) as BucketOperation[];

const bucketOperationFields = Object.fromEntries(
  BUCKET_OPERATION_NAMES.map((op) => [op, responseOr(BUCKET_OPERATIONS[op]).optional()]),
) as { [K in BucketOperation]: z.ZodOptional<z.ZodUnion<[typeof awsErrorSchema, (typeof BUCKET_OPERATIONS)[K]]>> };

export const bucketEntrySchema = z.strictObject({
  Region: z.string().min(1),
  CreationDate: z.string().optional(),
  BucketArn: z.string().optional(),
  ...bucketOperationFields,
});

/** The snapshot section (`snapshot.s3`): the account's Public Access Block and every bucket with its answers. */
export const section = z.strictObject({
  GetPublicAccessBlock: responseOr(getPublicAccessBlock).optional(),
  buckets: z.record(z.string().min(1), bucketEntrySchema),
});

export type BucketEntry = z.infer<typeof bucketEntrySchema>;
