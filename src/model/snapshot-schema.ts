import { z } from 'zod';
import { awsErrorSchema, responseOr } from './response-schema.ts';
import { regionName } from './regional-schema.ts';
import { ec2SectionSchema } from './ec2-schema.ts';
import { cloudtrailSectionSchema } from './cloudtrail-schema.ts';
import { iamSectionSchema } from './iam-schema.ts';
import { guarddutySectionSchema } from './guardduty-schema.ts';
import { securityhubSectionSchema } from './securityhub-schema.ts';
import { configSectionSchema } from './config-schema.ts';
import { accessanalyzerSectionSchema } from './accessanalyzer-schema.ts';
import { inspector2SectionSchema } from './inspector2-schema.ts';
import { macie2SectionSchema } from './macie2-schema.ts';
import { kmsSectionSchema } from './kms-schema.ts';
import { ecrSectionSchema } from './ecr-schema.ts';
import { elbv2SectionSchema } from './elbv2-schema.ts';
import { ssmSectionSchema } from './ssm-schema.ts';
import { cloudfrontSectionSchema } from './cloudfront-schema.ts';

/**
 * Snapshot format v1: raw AWS API responses (SDK v3 output shapes without `$metadata`),
 * keyed by operation name, or `{ "error": { "name", "message" } }`. A missing key means
 * "not collected". Documented in docs/snapshot.md.
 *
 * Response bodies are loose objects: AWS adds fields over time and a snapshot taken with a newer
 * SDK must still load. The keys that hold operations are strict, so a typo is reported.
 */
export const SNAPSHOT_FORMAT = 'snapshot/v1';

export { awsErrorSchema, responseOr };

const publicAccessBlockConfiguration = z.looseObject({
  BlockPublicAcls: z.boolean().optional(),
  IgnorePublicAcls: z.boolean().optional(),
  BlockPublicPolicy: z.boolean().optional(),
  RestrictPublicBuckets: z.boolean().optional(),
});

const getPublicAccessBlock = z.looseObject({ PublicAccessBlockConfiguration: publicAccessBlockConfiguration });

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
  GetBucketPolicyStatus: z.looseObject({ PolicyStatus: z.looseObject({ IsPublic: z.boolean().optional() }).optional() }),
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

export const s3SectionSchema = z.strictObject({
  GetPublicAccessBlock: responseOr(getPublicAccessBlock).optional(),
  buckets: z.record(z.string().min(1), bucketEntrySchema),
});

/**
 * The partitions AWS has (the SDK's endpoint table, `partitions.json`, lists the same ids). ARNs are built with the
 * partition, so an unknown one would put ARNs no AWS API or Security Hub accepts into every finding.
 */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;

const ACCOUNT_ID_MESSAGE = 'must be a 12-digit AWS account id';
const PARTITION_MESSAGE = `must be an AWS partition: ${PARTITIONS.join(', ')}`;

export const snapshotSchema = z.strictObject({
  cloudwarden: z.literal(SNAPSHOT_FORMAT),
  // a JSON number would lose an account id's leading zeros: only the string form is evidence of which account it is
  accountId: z
    .string({ error: `${ACCOUNT_ID_MESSAGE}, as a string ("012345678901")` })
    .regex(/^\d{12}$/, ACCOUNT_ID_MESSAGE),
  partition: z
    .string({ error: PARTITION_MESSAGE })
    .refine((partition) => (PARTITIONS as readonly string[]).includes(partition), { error: PARTITION_MESSAGE })
    .default('aws'),
  // checks measure credential ages from it: a time that does not parse would make every age NaN
  collectedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time, e.g. 2026-11-22T00:00:00Z' }),
  /** true when collection was interrupted: what is here is real, what is missing was not collected */
  partial: z.boolean().optional(),
  /** regions whose regional services were collected (opted-in regions, or those asked for with --region) */
  regions: z
    .array(regionName)
    .refine((regions) => new Set(regions).size === regions.length, { error: 'lists a region twice' })
    .optional(),
  s3: s3SectionSchema.optional(),
  ec2: ec2SectionSchema.optional(),
  cloudtrail: cloudtrailSectionSchema.optional(),
  iam: iamSectionSchema.optional(),
  guardduty: guarddutySectionSchema.optional(),
  securityhub: securityhubSectionSchema.optional(),
  config: configSectionSchema.optional(),
  accessanalyzer: accessanalyzerSectionSchema.optional(),
  inspector2: inspector2SectionSchema.optional(),
  macie2: macie2SectionSchema.optional(),
  kms: kmsSectionSchema.optional(),
  ecr: ecrSectionSchema.optional(),
  elbv2: elbv2SectionSchema.optional(),
  ssm: ssmSectionSchema.optional(),
  cloudfront: cloudfrontSectionSchema.optional(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type BucketEntry = z.infer<typeof bucketEntrySchema>;
export type AwsErrorEntry = z.infer<typeof awsErrorSchema>;
