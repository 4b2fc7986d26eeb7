import { spanOfField, type CodeResource } from '../code-resource.ts';
import { bucketDraft, cannedAcl, clean, NO_OBJECT_LOCK, publicAccessBlock, type BucketDraft } from '../snapshot/s3.ts';
import { firstUnknown, isObject, textOf, Unknown, type ObjectValue, type Value } from '../values.ts';

function object(v: Value | undefined): ObjectValue | undefined {
  return isObject(v) ? v : undefined;
}

function list(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** `AccessControl` values and the canned ACLs (`x-amz-acl`) they set. */
const ACCESS_CONTROL: Record<string, string> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  LogDeliveryWrite: 'log-delivery-write',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  AwsExecRead: 'aws-exec-read',
};

/** Each `AWS::S3::Bucket` property and the answer of the S3 API call that reads the setting back. */
const PROPERTIES: Record<string, (value: Value, all: ObjectValue) => [operation: string, answer: unknown]> = {
  AccessControl: (v) => [
    'GetBucketAcl',
    v instanceof Unknown ? v : cannedAcl(ACCESS_CONTROL[textOf(v)] ?? new Unknown(`AccessControl ${textOf(v)}`)),
  ],
  BucketEncryption: (v) => [
    'GetBucketEncryption',
    {
      ServerSideEncryptionConfiguration: {
        Rules: list(object(v)?.ServerSideEncryptionConfiguration).map((rule) => {
          const byDefault = object(rule.ServerSideEncryptionByDefault);
          return clean({
            ApplyServerSideEncryptionByDefault: byDefault
              ? clean({ SSEAlgorithm: byDefault.SSEAlgorithm, KMSMasterKeyID: byDefault.KMSMasterKeyID })
              : undefined,
            BucketKeyEnabled: rule.BucketKeyEnabled ?? false,
          });
        }),
      },
    },
  ],
  VersioningConfiguration: (v) => ['GetBucketVersioning', clean({ Status: object(v)?.Status })],
  PublicAccessBlockConfiguration: (v) => ['GetPublicAccessBlock', publicAccessBlock(object(v) ?? {})],
  LoggingConfiguration: (v) => {
    const logging = object(v) ?? {};
    return [
      'GetBucketLogging',
      // without a destination, S3 delivers the logs to the bucket itself
      {
        LoggingEnabled: clean({
          TargetBucket: logging.DestinationBucketName ?? new Unknown('the bucket itself (its generated name)'),
          TargetPrefix: logging.LogFilePrefix ?? '',
        }),
      },
    ];
  },
  OwnershipControls: (v) => [
    'GetBucketOwnershipControls',
    { OwnershipControls: { Rules: list(object(v)?.Rules).map((r) => ({ ObjectOwnership: r.ObjectOwnership })) } },
  ],
  LifecycleConfiguration: (v) => [
    'GetBucketLifecycleConfiguration',
    {
      Rules: list(object(v)?.Rules).map((r) =>
        clean({
          ID: r.Id,
          Status: r.Status,
          Prefix: r.Prefix,
          Expiration:
            r.ExpirationInDays !== undefined || r.ExpirationDate !== undefined
              ? clean({ Days: r.ExpirationInDays, Date: r.ExpirationDate })
              : undefined,
          Transitions: r.Transitions,
          NoncurrentVersionExpiration: object(r.NoncurrentVersionExpiration)
            ? clean({ NoncurrentDays: object(r.NoncurrentVersionExpiration)?.NoncurrentDays })
            : r.NoncurrentVersionExpirationInDays !== undefined
              ? { NoncurrentDays: r.NoncurrentVersionExpirationInDays }
              : undefined,
          AbortIncompleteMultipartUpload: r.AbortIncompleteMultipartUpload,
        }),
      ),
    },
  ],
  ReplicationConfiguration: (v) => [
    'GetBucketReplication',
    {
      ReplicationConfiguration: clean({
        Role: object(v)?.Role,
        Rules: list(object(v)?.Rules).map((r) =>
          clean({
            ID: r.Id,
            Status: r.Status,
            Destination: clean({ Bucket: object(r.Destination)?.Bucket, Account: object(r.Destination)?.Account }),
          }),
        ),
      }),
    },
  ],
  ObjectLockConfiguration: (v, all) => {
    const retention = object(object(object(v)?.Rule)?.DefaultRetention);
    if (all.ObjectLockEnabled !== true) return ['GetObjectLockConfiguration', NO_OBJECT_LOCK];
    return [
      'GetObjectLockConfiguration',
      {
        ObjectLockConfiguration: clean({
          ObjectLockEnabled: object(v)?.ObjectLockEnabled ?? 'Enabled',
          Rule: retention
            ? { DefaultRetention: clean({ Mode: retention.Mode, Days: retention.Days, Years: retention.Years }) }
            : undefined,
        }),
      },
    ];
  },
  ObjectLockEnabled: (v) => [
    'GetObjectLockConfiguration',
    v instanceof Unknown
      ? v
      : v === true
        ? { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }
        : NO_OBJECT_LOCK,
  ],
  WebsiteConfiguration: (v) => {
    const site = object(v) ?? {};
    const redirect = object(site.RedirectAllRequestsTo);
    return [
      'GetBucketWebsite',
      clean({
        IndexDocument: site.IndexDocument !== undefined ? { Suffix: site.IndexDocument } : undefined,
        ErrorDocument: site.ErrorDocument !== undefined ? { Key: site.ErrorDocument } : undefined,
        RedirectAllRequestsTo: redirect
          ? clean({ HostName: redirect.HostName, Protocol: redirect.Protocol })
          : undefined,
      }),
    ];
  },
  CorsConfiguration: (v) => [
    'GetBucketCors',
    {
      CORSRules: list(object(v)?.CorsRules).map((r) =>
        clean({
          ID: r.Id,
          AllowedOrigins: r.AllowedOrigins,
          AllowedMethods: r.AllowedMethods,
          AllowedHeaders: r.AllowedHeaders,
          ExposeHeaders: r.ExposedHeaders,
          MaxAgeSeconds: r.MaxAge,
        }),
      ),
    },
  ],
  NotificationConfiguration: (v) => {
    const config = object(v) ?? {};
    const items = (key: string, target: string, field: string) => {
      const found = list(config[key]);
      return found.length ? found.map((i) => clean({ [field]: i[target], Events: [i.Event] })) : undefined;
    };
    return [
      'GetBucketNotificationConfiguration',
      clean({
        TopicConfigurations: items('TopicConfigurations', 'Topic', 'TopicArn'),
        QueueConfigurations: items('QueueConfigurations', 'Queue', 'QueueArn'),
        LambdaFunctionConfigurations: items('LambdaConfigurations', 'Function', 'LambdaFunctionArn'),
        EventBridgeConfiguration: object(config.EventBridgeConfiguration)?.EventBridgeEnabled === true ? {} : undefined,
      }),
    ];
  },
  Tags: (v) => [
    'GetBucketTagging',
    v instanceof Unknown
      ? v
      : list(v).length
        ? { TagSet: list(v).map((t) => ({ Key: t.Key, Value: t.Value })) }
        : { error: { name: 'NoSuchTagSet', message: 'The TagSet does not exist' } },
  ],
};

export const CFN_S3_TYPES = new Set(['AWS::S3::Bucket', 'AWS::S3::BucketPolicy']);

/** The S3 section for the buckets of CloudFormation templates and the bucket policies attached to them. */
export function cfnS3Drafts(
  resources: CodeResource[],
  region: string,
  /** the name of a bucket without BucketName, as Ref gives it (EvaluatorSettings.unnamedBucket) */
  unnamed: (logicalId: string) => string = (logicalId) => logicalId,
): { buckets: BucketDraft[]; unjoined: CodeResource[] } {
  const buckets = new Map<string, BucketDraft>();
  for (const r of resources) {
    if (r.type !== 'AWS::S3::Bucket') continue;
    const named = r.values.BucketName;
    // a bucket without BucketName gets a generated name: its logical id stands for it, as Ref gives
    const name = typeof named === 'string' ? named : unnamed(r.address);
    const draft = bucketDraft(name, r, region);
    for (const [property, value] of Object.entries(r.values)) {
      const map = PROPERTIES[property];
      if (!map) continue;
      const [op, answer] = map(value, r.values);
      draft.answers.set(op, { value: answer, span: spanOfField(r, property) });
    }
    buckets.set(name, draft);
  }
  const unjoined: CodeResource[] = [];
  for (const r of resources) {
    if (r.type !== 'AWS::S3::BucketPolicy') continue;
    const target = typeof r.values.Bucket === 'string' ? buckets.get(r.values.Bucket) : undefined;
    if (!target) {
      unjoined.push(r);
      continue;
    }
    const document = r.values.PolicyDocument;
    const policy = typeof document === 'string' ? document : (firstUnknown(document) ?? JSON.stringify(document));
    target.answers.set('GetBucketPolicy', {
      value: { Policy: policy },
      span: spanOfField(r, 'PolicyDocument'),
    });
  }
  return { buckets: [...buckets.values()], unjoined };
}
