import { answer, notConfigured, type IacEvidence } from '../evidence.ts';
import { isObject, textOf, Unknown, type ObjectValue, type SourceSpan, type Value } from '../values.ts';
import type { TfResource } from './config.ts';

/** What a bucket created today answers before any setting is applied (AWS defaults since 2023). */
const IAC_OWNER_ID = 'bucket-owner';

function first(v: Value | undefined): ObjectValue | undefined {
  return Array.isArray(v) ? v.find(isObject) : isObject(v) ? v : undefined;
}

function blocks(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Drops undefined fields, so a response holds only what the code says. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const CANNED_GRANTS: Record<string, Array<{ uri: string; permission: string }>> = {
  private: [],
  'bucket-owner-read': [],
  'bucket-owner-full-control': [],
  'aws-exec-read': [],
  'public-read': [{ uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' }],
  'public-read-write': [
    { uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
    { uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'WRITE' },
  ],
  'authenticated-read': [{ uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', permission: 'READ' }],
  'log-delivery-write': [
    { uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery', permission: 'WRITE' },
    { uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery', permission: 'READ_ACP' },
  ],
};

function cannedAcl(acl: Value | undefined): unknown {
  if (acl instanceof Unknown) return acl;
  const grants = CANNED_GRANTS[typeof acl === 'string' ? acl : 'private'];
  if (!grants) return new Unknown(`canned ACL "${textOf(acl)}" is not one S3 knows`);
  return {
    Owner: { ID: IAC_OWNER_ID },
    Grants: [
      { Grantee: { Type: 'CanonicalUser', ID: IAC_OWNER_ID }, Permission: 'FULL_CONTROL' },
      ...grants.map((g) => ({ Grantee: { Type: 'Group', URI: g.uri }, Permission: g.permission })),
    ],
  };
}

function explicitAcl(policy: ObjectValue): unknown {
  const owner = first(policy.owner);
  return {
    Owner: { ID: owner?.id ?? IAC_OWNER_ID },
    Grants: blocks(policy.grant).map((g) => {
      const grantee = first(g.grantee) ?? {};
      return {
        Grantee: clean({ Type: grantee.type, URI: grantee.uri, ID: grantee.id, EmailAddress: grantee.email_address }),
        Permission: g.permission,
      };
    }),
  };
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
  if (!config && enabledOnBucket !== true) {
    if (enabledOnBucket instanceof Unknown) return enabledOnBucket;
    return notConfigured(
      'ObjectLockConfigurationNotFoundError',
      'Object Lock configuration does not exist for this bucket',
    );
  }
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

function publicAccessBlock(r: ObjectValue): unknown {
  const flag = (v: Value | undefined) => (v === undefined || v === null ? false : v);
  return {
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: flag(r.block_public_acls),
      IgnorePublicAcls: flag(r.ignore_public_acls),
      BlockPublicPolicy: flag(r.block_public_policy),
      RestrictPublicBuckets: flag(r.restrict_public_buckets),
    },
  };
}

function tagSet(tags: Value | undefined): unknown {
  if (tags instanceof Unknown) return tags;
  if (!isObject(tags) || Object.keys(tags).length === 0)
    return notConfigured('NoSuchTagSet', 'The TagSet does not exist');
  return { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}

interface BucketDraft {
  name: string;
  resource: TfResource;
  region: string;
  ops: Map<string, { value: unknown; span: SourceSpan }>;
}

/** The split resources of AWS provider v4+, each joined to its bucket through its `bucket` argument. */
const SPLIT: Record<string, (r: ObjectValue) => [operation: string, value: unknown]> = {
  aws_s3_bucket_versioning: (r) => [
    'GetBucketVersioning',
    versioning(first(r.versioning_configuration) ?? {}, undefined),
  ],
  aws_s3_bucket_public_access_block: (r) => ['GetPublicAccessBlock', publicAccessBlock(r)],
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

/** What S3 answers for a bucket created from this block alone: its inline (provider v3) arguments, else the defaults. */
function bucketDefaults(v: ObjectValue): Record<string, unknown> {
  const sse = first(v.server_side_encryption_configuration);
  const logging = first(v.logging);
  const lifecycle = blocks(v.lifecycle_rule);
  const replicationConfig = first(v.replication_configuration);
  const site = first(v.website);
  const corsRules = blocks(v.cors_rule);
  return {
    // since April 2023 a new bucket has all four Block Public Access settings on and ACLs disabled
    GetPublicAccessBlock: publicAccessBlock({
      block_public_acls: true,
      ignore_public_acls: true,
      block_public_policy: true,
      restrict_public_buckets: true,
    }),
    GetBucketOwnershipControls: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    GetBucketAcl: cannedAcl(v.acl),
    // since January 2023 S3 encrypts every bucket with SSE-S3 by default
    GetBucketEncryption: sse
      ? encryption(blocks(sse.rule))
      : encryption([{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }]),
    GetBucketVersioning: versioning(undefined, first(v.versioning)),
    GetBucketLogging: logging
      ? { LoggingEnabled: clean({ TargetBucket: logging.target_bucket, TargetPrefix: logging.target_prefix ?? '' }) }
      : {},
    GetBucketPolicy:
      v.policy !== undefined && v.policy !== null && v.policy !== ''
        ? { Policy: v.policy }
        : notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist'),
    GetBucketLifecycleConfiguration: lifecycle.length
      ? { Rules: lifecycle.map((x) => lifecycleRule(x, true)) }
      : notConfigured('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'),
    GetBucketReplication: replicationConfig
      ? replication(replicationConfig, true)
      : notConfigured('ReplicationConfigurationNotFoundError', 'The replication configuration was not found'),
    GetObjectLockConfiguration: objectLock(first(v.object_lock_configuration), v.object_lock_enabled),
    GetBucketWebsite: site
      ? website(site, true)
      : notConfigured('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'),
    GetBucketCors: corsRules.length
      ? cors(corsRules)
      : notConfigured('NoSuchCORSConfiguration', 'The CORS configuration does not exist'),
    GetBucketNotificationConfiguration: {},
    GetBucketTagging: tagSet(v.tags),
  };
}

export const S3_TYPES = new Set(['aws_s3_bucket', 'aws_s3_account_public_access_block', ...Object.keys(SPLIT)]);

/**
 * The S3 section a live collection of these buckets would hold. Returns the split resources it could not join
 * (their `bucket` is not a bucket of this configuration).
 */
export function s3Evidence(resources: TfResource[], region: string, evidence: IacEvidence): TfResource[] {
  const buckets = new Map<string, BucketDraft>();
  for (const r of resources) {
    if (r.type !== 'aws_s3_bucket') continue;
    const name = typeof r.values.bucket === 'string' ? r.values.bucket : r.address;
    const ops = new Map<string, { value: unknown; span: SourceSpan }>();
    for (const [op, value] of Object.entries(bucketDefaults(r.values))) ops.set(op, { value, span: r.span });
    buckets.set(name, { name, resource: r, region, ops });
  }
  const unjoined: TfResource[] = [];
  const s3: Record<string, unknown> = {};
  for (const r of resources) {
    if (r.type === 'aws_s3_account_public_access_block') {
      s3.GetPublicAccessBlock = answer(publicAccessBlock(r.values));
      evidence.source('account', 's3:GetPublicAccessBlock', r.span);
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
    target.ops.set(op, { value, span: r.span });
  }
  const entries: Record<string, unknown> = {};
  for (const bucket of buckets.values()) {
    const arn = `arn:aws:s3:::${bucket.name}`;
    evidence.declare(arn, {
      address: bucket.resource.address,
      iacType: 'aws_s3_bucket',
      span: bucket.resource.span,
      ...(bucket.resource.lines ? { lines: bucket.resource.lines } : {}),
    });
    const entry: Record<string, unknown> = { Region: bucket.region };
    for (const [op, { value, span }] of bucket.ops) {
      entry[op] = answer(value);
      evidence.source(arn, `s3:${op}`, span);
    }
    entries[bucket.name] = entry;
  }
  if (buckets.size > 0 || s3.GetPublicAccessBlock) {
    s3.buckets = entries;
    evidence.snapshot.s3 = s3;
  }
  return unjoined;
}
