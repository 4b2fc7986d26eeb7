import type { CodeResource } from '../code-resource.ts';
import {
  aclAnswer,
  bucketDraft,
  cannedAcl,
  clean,
  NO_CORS,
  NO_LIFECYCLE,
  NO_POLICY,
  NO_REPLICATION,
  NO_WEBSITE,
  NO_OBJECT_LOCK,
  publicAccessBlock,
  tagSet,
  type BucketDraft,
} from '../snapshot/s3.ts';
import { isObject, Unknown, type ObjectValue, type Value } from '../values.ts';

function first(v: Value | undefined): ObjectValue | undefined {
  return Array.isArray(v) ? v.find(isObject) : isObject(v) ? v : undefined;
}

function blocks(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function explicitAcl(policy: ObjectValue): unknown {
  const owner = first(policy.owner);
  return aclAnswer(
    blocks(policy.grant).map((g) => {
      const grantee = first(g.grantee) ?? {};
      return {
        Grantee: clean({ Type: grantee.type, URI: grantee.uri, ID: grantee.id, EmailAddress: grantee.email_address }),
        Permission: g.permission,
      };
    }),
    owner?.id ?? undefined,
  );
}

function encryption(rules: ObjectValue[]): unknown {
  return {
    ServerSideEncryptionConfiguration: {
      Rules: rules.map((rule) => {
        const byDefault = first(rule.apply_server_side_encryption_by_default);
        return clean({
          ApplyServerSideEncryptionByDefault: byDefault
            ? clean({ SSEAlgorithm: byDefault.sse_algorithm, KMSMasterKeyID: byDefault.kms_master_key_id })
            : undefined,
          BucketKeyEnabled: rule.bucket_key_enabled ?? false,
        });
      }),
    },
  };
}

function versioning(config: ObjectValue | undefined, legacy: ObjectValue | undefined): unknown {
  if (config) {
    const status = config.status;
    const mfa = config.mfa_delete;
    // "Disabled" is Terraform's word for a bucket whose versioning was never enabled: S3 then answers {}
    return clean({ Status: status === 'Disabled' ? undefined : status, MFADelete: mfa });
  }
  if (legacy) {
    const enabled = legacy.enabled;
    const mfa = legacy.mfa_delete;
    return clean({
      Status: enabled instanceof Unknown ? enabled : enabled === true ? 'Enabled' : undefined,
      MFADelete: mfa instanceof Unknown ? mfa : mfa === true ? 'Enabled' : undefined,
    });
  }
  return {};
}

function lifecycleRule(rule: ObjectValue, legacy: boolean): unknown {
  const expiration = first(rule.expiration);
  const noncurrent = first(rule.noncurrent_version_expiration);
  const abort = first(rule.abort_incomplete_multipart_upload);
  const enabled = rule.enabled;
  return clean({
    ID: rule.id,
    Status: legacy ? (enabled instanceof Unknown ? enabled : enabled === true ? 'Enabled' : 'Disabled') : rule.status,
    Prefix: rule.prefix,
    Filter: first(rule.filter),
    Expiration: expiration ? clean({ Days: expiration.days, Date: expiration.date }) : undefined,
    Transitions: Array.isArray(rule.transition) ? rule.transition : undefined,
    NoncurrentVersionExpiration: noncurrent
      ? clean({ NoncurrentDays: noncurrent.noncurrent_days ?? noncurrent.days })
      : undefined,
    AbortIncompleteMultipartUpload: legacy
      ? rule.abort_incomplete_multipart_upload_days !== undefined
        ? { DaysAfterInitiation: rule.abort_incomplete_multipart_upload_days }
        : undefined
      : abort
        ? { DaysAfterInitiation: abort.days_after_initiation }
        : undefined,
  });
}

function replication(config: ObjectValue, legacy: boolean): unknown {
  return {
    ReplicationConfiguration: clean({
      Role: config.role,
      Rules: blocks(legacy ? config.rules : config.rule).map((rule) => {
        const destination = first(rule.destination) ?? {};
        return clean({
          ID: rule.id,
          Status: rule.status,
          Destination: clean({ Bucket: destination.bucket, Account: destination.account ?? destination.account_id }),
        });
      }),
    }),
  };
}

function objectLock(config: ObjectValue | undefined, enabledOnBucket: Value | undefined): unknown {
  const retention = first(first(config?.rule)?.default_retention);
  if (!config && enabledOnBucket !== true) return enabledOnBucket instanceof Unknown ? enabledOnBucket : NO_OBJECT_LOCK;
  return {
    ObjectLockConfiguration: clean({
      ObjectLockEnabled: config?.object_lock_enabled ?? 'Enabled',
      Rule: retention
        ? { DefaultRetention: clean({ Mode: retention.mode, Days: retention.days, Years: retention.years }) }
        : undefined,
    }),
  };
}

function website(config: ObjectValue, legacy: boolean): unknown {
  if (legacy) {
    return clean({
      IndexDocument: config.index_document !== undefined ? { Suffix: config.index_document } : undefined,
      RedirectAllRequestsTo:
        config.redirect_all_requests_to !== undefined ? { HostName: config.redirect_all_requests_to } : undefined,
    });
  }
  const index = first(config.index_document);
  const redirect = first(config.redirect_all_requests_to);
  return clean({
    IndexDocument: index ? { Suffix: index.suffix } : undefined,
    RedirectAllRequestsTo: redirect ? clean({ HostName: redirect.host_name, Protocol: redirect.protocol }) : undefined,
  });
}

function cors(rules: ObjectValue[]): unknown {
  return {
    CORSRules: rules.map((r) =>
      clean({
        AllowedOrigins: r.allowed_origins,
        AllowedMethods: r.allowed_methods,
        AllowedHeaders: r.allowed_headers,
        ExposeHeaders: r.expose_headers,
        MaxAgeSeconds: r.max_age_seconds,
      }),
    ),
  };
}

function notification(config: ObjectValue): unknown {
  const list = (key: string, arnField: string, field: string) => {
    const items = blocks(config[key]);
    return items.length ? items.map((i) => clean({ Id: i.id, [field]: i[arnField], Events: i.events })) : undefined;
  };
  return clean({
    TopicConfigurations: list('topic', 'topic_arn', 'TopicArn'),
    QueueConfigurations: list('queue', 'queue_arn', 'QueueArn'),
    LambdaFunctionConfigurations: list('lambda_function', 'lambda_function_arn', 'LambdaFunctionArn'),
    EventBridgeConfiguration: config.eventbridge === true ? {} : undefined,
  });
}

function tfPublicAccessBlock(r: ObjectValue): unknown {
  return publicAccessBlock({
    BlockPublicAcls: r.block_public_acls,
    IgnorePublicAcls: r.ignore_public_acls,
    BlockPublicPolicy: r.block_public_policy,
    RestrictPublicBuckets: r.restrict_public_buckets,
  });
}

/** The split resources of AWS provider v4+, each joined to its bucket through its `bucket` argument. */
const SPLIT: Record<string, (r: ObjectValue) => [operation: string, value: unknown]> = {
  aws_s3_bucket_versioning: (r) => [
    'GetBucketVersioning',
    versioning(first(r.versioning_configuration) ?? {}, undefined),
  ],
  aws_s3_bucket_public_access_block: (r) => ['GetPublicAccessBlock', tfPublicAccessBlock(r)],
  aws_s3_bucket_server_side_encryption_configuration: (r) => ['GetBucketEncryption', encryption(blocks(r.rule))],
  aws_s3_bucket_logging: (r) => [
    'GetBucketLogging',
    { LoggingEnabled: clean({ TargetBucket: r.target_bucket, TargetPrefix: r.target_prefix ?? '' }) },
  ],
  aws_s3_bucket_acl: (r) => [
    'GetBucketAcl',
    first(r.access_control_policy) ? explicitAcl(first(r.access_control_policy) ?? {}) : cannedAcl(r.acl),
  ],
  aws_s3_bucket_policy: (r) => ['GetBucketPolicy', { Policy: r.policy }],
  aws_s3_bucket_ownership_controls: (r) => [
    'GetBucketOwnershipControls',
    { OwnershipControls: { Rules: blocks(r.rule).map((x) => ({ ObjectOwnership: x.object_ownership })) } },
  ],
  aws_s3_bucket_lifecycle_configuration: (r) => [
    'GetBucketLifecycleConfiguration',
    { Rules: blocks(r.rule).map((x) => lifecycleRule(x, false)) },
  ],
  aws_s3_bucket_replication_configuration: (r) => ['GetBucketReplication', replication(r, false)],
  aws_s3_bucket_object_lock_configuration: (r) => ['GetObjectLockConfiguration', objectLock(r, true)],
  aws_s3_bucket_website_configuration: (r) => ['GetBucketWebsite', website(r, false)],
  aws_s3_bucket_cors_configuration: (r) => ['GetBucketCors', cors(blocks(r.cors_rule))],
  aws_s3_bucket_notification: (r) => ['GetBucketNotificationConfiguration', notification(r)],
};

/** What the inline (provider v3) arguments of `aws_s3_bucket` set; the new-bucket answers stand for the rest. */
function inlineAnswers(v: ObjectValue): Record<string, unknown> {
  const sse = first(v.server_side_encryption_configuration);
  const logging = first(v.logging);
  const lifecycle = blocks(v.lifecycle_rule);
  const replicationConfig = first(v.replication_configuration);
  const site = first(v.website);
  const corsRules = blocks(v.cors_rule);
  return clean({
    GetBucketAcl: v.acl !== undefined ? cannedAcl(v.acl) : undefined,
    GetBucketEncryption: sse ? encryption(blocks(sse.rule)) : undefined,
    GetBucketVersioning: v.versioning !== undefined ? versioning(undefined, first(v.versioning)) : undefined,
    GetBucketLogging: logging
      ? { LoggingEnabled: clean({ TargetBucket: logging.target_bucket, TargetPrefix: logging.target_prefix ?? '' }) }
      : undefined,
    GetBucketPolicy: v.policy !== undefined && v.policy !== null && v.policy !== '' ? { Policy: v.policy } : NO_POLICY,
    GetBucketLifecycleConfiguration: lifecycle.length
      ? { Rules: lifecycle.map((x) => lifecycleRule(x, true)) }
      : NO_LIFECYCLE,
    GetBucketReplication: replicationConfig ? replication(replicationConfig, true) : NO_REPLICATION,
    GetObjectLockConfiguration: objectLock(first(v.object_lock_configuration), v.object_lock_enabled),
    GetBucketWebsite: site ? website(site, true) : NO_WEBSITE,
    GetBucketCors: corsRules.length ? cors(corsRules) : NO_CORS,
    GetBucketTagging: tagSet(v.tags),
  });
}

/** Which inline argument decides each answer, for the line a verdict points at. */
const INLINE_FIELDS: Record<string, string[]> = {
  GetBucketAcl: ['acl'],
  GetBucketEncryption: ['server_side_encryption_configuration'],
  GetBucketVersioning: ['versioning'],
  GetBucketLogging: ['logging'],
  GetBucketPolicy: ['policy'],
  GetBucketLifecycleConfiguration: ['lifecycle_rule'],
  GetBucketReplication: ['replication_configuration'],
  GetObjectLockConfiguration: ['object_lock_configuration', 'object_lock_enabled'],
  GetBucketWebsite: ['website'],
  GetBucketCors: ['cors_rule'],
  GetBucketTagging: ['tags'],
};

export const S3_TYPES = new Set(['aws_s3_bucket', 'aws_s3_account_public_access_block', ...Object.keys(SPLIT)]);

/**
 * The buckets of this configuration with their split resources joined, and the account-level Block Public Access;
 * `unjoined` holds the split resources whose `bucket` is not a bucket of this configuration.
 */
export function tfS3Drafts(
  resources: CodeResource[],
  region: string,
  /** the name of a bucket the code leaves unnamed (its address stands for the name chosen at apply) */
  unnamed: (address: string) => string = (address) => address,
): {
  buckets: BucketDraft[];
  account: { value: unknown; span: CodeResource['span'] } | undefined;
  unjoined: CodeResource[];
} {
  const buckets = new Map<string, BucketDraft>();
  for (const r of resources) {
    if (r.type !== 'aws_s3_bucket') continue;
    const name = typeof r.values.bucket === 'string' ? r.values.bucket : unnamed(r.address);
    const draft = bucketDraft(name, r, region);
    for (const [op, value] of Object.entries(inlineAnswers(r.values))) {
      const field = (INLINE_FIELDS[op] ?? []).find((f) => r.values[f] !== undefined);
      draft.answers.set(op, { value, span: field ? (r.spans?.[field] ?? r.span) : r.span });
    }
    buckets.set(name, draft);
  }
  const unjoined: CodeResource[] = [];
  let account: { value: unknown; span: CodeResource['span'] } | undefined;
  for (const r of resources) {
    if (r.type === 'aws_s3_account_public_access_block') {
      account = { value: tfPublicAccessBlock(r.values), span: r.span };
      continue;
    }
    const split = SPLIT[r.type];
    if (!split) continue;
    const target = typeof r.values.bucket === 'string' ? buckets.get(r.values.bucket) : undefined;
    if (!target) {
      unjoined.push(r);
      continue;
    }
    const [op, value] = split(r.values);
    target.answers.set(op, { value, span: r.span });
  }
  return { buckets: [...buckets.values()], account, unjoined };
}
