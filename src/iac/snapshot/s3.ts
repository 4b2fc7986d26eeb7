import type { CodeResource } from '../code-resource.ts';
import { answer, notConfigured, type IacEvidence } from '../evidence.ts';
import { textOf, Unknown, type SourceSpan, type Value } from '../values.ts';

/** The owner every synthesised ACL names: code does not know the deploying account's canonical id. */
const IAC_OWNER_ID = 'bucket-owner';

/** The snapshot operations the S3 adapters synthesise (what `checks list` reports as runnable on code). */
export const S3_OPERATIONS = [
  's3:GetBucketPolicy',
  's3:GetPublicAccessBlock',
  's3:GetBucketAcl',
  's3:GetBucketOwnershipControls',
  's3:GetBucketEncryption',
  's3:GetBucketVersioning',
  's3:GetBucketLogging',
  's3:GetObjectLockConfiguration',
  's3:GetBucketLifecycleConfiguration',
  's3:GetBucketReplication',
  's3:GetBucketTagging',
  's3:GetBucketWebsite',
  's3:GetBucketNotificationConfiguration',
  's3:GetBucketCors',
  's3control:GetPublicAccessBlock',
] as const;

/** Canned ACLs by their `x-amz-acl` names, as the grants S3 then reports. */
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

/** GetBucketAcl's answer for a canned ACL (`public-read`); undefined means private. */
export function cannedAcl(acl: Value | undefined): unknown {
  if (acl instanceof Unknown) return acl;
  const grants = CANNED_GRANTS[typeof acl === 'string' ? acl : 'private'];
  if (!grants) return new Unknown(`canned ACL "${textOf(acl)}" is not one S3 knows`);
  return aclAnswer(grants.map((g) => ({ Grantee: { Type: 'Group', URI: g.uri }, Permission: g.permission })));
}

/** GetBucketAcl's answer: the owner's full control and these grants. */
export function aclAnswer(grants: unknown[], ownerId: Value = IAC_OWNER_ID): unknown {
  return {
    Owner: { ID: ownerId },
    Grants: [{ Grantee: { Type: 'CanonicalUser', ID: IAC_OWNER_ID }, Permission: 'FULL_CONTROL' }, ...grants],
  };
}

export function publicAccessBlock(flags: {
  BlockPublicAcls?: Value;
  IgnorePublicAcls?: Value;
  BlockPublicPolicy?: Value;
  RestrictPublicBuckets?: Value;
}): unknown {
  // a flag the code leaves out is false, as S3 stores it
  const flag = (v: Value | undefined) => (v === undefined || v === null ? false : v);
  return {
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: flag(flags.BlockPublicAcls),
      IgnorePublicAcls: flag(flags.IgnorePublicAcls),
      BlockPublicPolicy: flag(flags.BlockPublicPolicy),
      RestrictPublicBuckets: flag(flags.RestrictPublicBuckets),
    },
  };
}

/** GetBucketTagging's answer for `{ key: value }` tags. */
export function tagSet(tags: Value | undefined): unknown {
  if (tags instanceof Unknown) return tags;
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags) || Object.keys(tags).length === 0)
    return notConfigured('NoSuchTagSet', 'The TagSet does not exist');
  return { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}

export const NO_POLICY = notConfigured('NoSuchBucketPolicy', 'The bucket policy does not exist');
export const NO_LIFECYCLE = notConfigured('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
export const NO_REPLICATION = notConfigured(
  'ReplicationConfigurationNotFoundError',
  'The replication configuration was not found',
);
export const NO_OBJECT_LOCK = notConfigured(
  'ObjectLockConfigurationNotFoundError',
  'Object Lock configuration does not exist for this bucket',
);
export const NO_WEBSITE = notConfigured(
  'NoSuchWebsiteConfiguration',
  'The specified bucket does not have a website configuration',
);
export const NO_CORS = notConfigured('NoSuchCORSConfiguration', 'The CORS configuration does not exist');

/**
 * What S3 answers for a bucket created today with no setting applied: Block Public Access on and ACLs disabled
 * (since April 2023), SSE-S3 default encryption (since January 2023), and "not configured" for the rest.
 */
export function newBucketAnswers(): Record<string, unknown> {
  return {
    GetPublicAccessBlock: publicAccessBlock({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    }),
    GetBucketOwnershipControls: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    GetBucketAcl: cannedAcl('private'),
    GetBucketEncryption: {
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
      },
    },
    GetBucketVersioning: {},
    GetBucketLogging: {},
    GetBucketPolicy: NO_POLICY,
    GetBucketLifecycleConfiguration: NO_LIFECYCLE,
    GetBucketReplication: NO_REPLICATION,
    GetObjectLockConfiguration: NO_OBJECT_LOCK,
    GetBucketWebsite: NO_WEBSITE,
    GetBucketCors: NO_CORS,
    GetBucketNotificationConfiguration: {},
    GetBucketTagging: notConfigured('NoSuchTagSet', 'The TagSet does not exist'),
  };
}

/** One bucket's answers as the code sets them, each with the block or property it came from. */
export interface BucketDraft {
  name: string;
  resource: CodeResource;
  region: string;
  answers: Map<string, { value: unknown; span: SourceSpan }>;
}

/** A bucket created from this resource: the new-bucket answers, all pointing at its declaration. */
export function bucketDraft(name: string, resource: CodeResource, region: string): BucketDraft {
  const answers = new Map<string, { value: unknown; span: SourceSpan }>();
  for (const [op, value] of Object.entries(newBucketAnswers())) answers.set(op, { value, span: resource.span });
  return { name, resource, region, answers };
}

/** Drops undefined and null fields, so a response holds only what the code says. */
export function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The S3 section a live collection of these buckets would hold, and the side table of where each answer was
 * written. `account` is the account-level Block Public Access, when the code sets it.
 */
export function writeS3(
  buckets: Iterable<BucketDraft>,
  account: { value: unknown; span: SourceSpan } | undefined,
  evidence: IacEvidence,
): void {
  const s3: Record<string, unknown> = {};
  const entries: Record<string, unknown> = {};
  for (const bucket of buckets) {
    const arn = `arn:aws:s3:::${bucket.name}`;
    evidence.declareCode(arn, bucket.resource);
    const entry: Record<string, unknown> = { Region: bucket.region };
    for (const [op, { value, span }] of bucket.answers) {
      entry[op] = answer(value);
      evidence.source(arn, `s3:${op}`, span);
    }
    entries[bucket.name] = entry;
  }
  if (account) {
    s3.GetPublicAccessBlock = answer(account.value);
    evidence.source('account', 's3control:GetPublicAccessBlock', account.span);
  } else {
    s3.GetPublicAccessBlock = answer(
      new Unknown('the account-level Block Public Access is not set in this code (it is an account setting)'),
    );
  }
  if (Object.keys(entries).length > 0 || account) {
    s3.buckets = entries;
    evidence.snapshot.s3 = s3;
  }
}
