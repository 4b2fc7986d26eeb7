import type { Gap } from '../../model/resource.ts';
import { observe, type Observed, type Raw } from '../../model/observed.ts';
import { policyEvidence } from '../../model/normalise-policy.ts';
import type { Snapshot } from '../../model/snapshot-schema.ts';
import type {
  AclGrant,
  BucketAcl,
  CorsRule,
  EncryptionRule,
  LifecycleRule,
  Logging,
  Notifications,
  ObjectLock,
  ObjectOwnership,
  PublicAccessBlock,
  Replication,
  S3Bucket,
  S3State,
  Versioning,
  Website,
} from './model.ts';
import type { NormaliseContext } from '../define-state.ts';
import { NOT_CONFIGURED_ERRORS, type BucketEntry, type BucketOperation } from './schema.ts';

function publicAccessBlockOf(config: {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}): PublicAccessBlock {
  // AWS omits a flag that is false.
  return {
    blockPublicAcls: config.BlockPublicAcls === true,
    ignorePublicAcls: config.IgnorePublicAcls === true,
    blockPublicPolicy: config.BlockPublicPolicy === true,
    restrictPublicBuckets: config.RestrictPublicBuckets === true,
  };
}

function bucketObservation<K extends BucketOperation, T>(
  entry: BucketEntry,
  op: K,
  map: (response: Exclude<NonNullable<BucketEntry[K]>, { error: unknown }>) => Observed<T> | T,
): Observed<T> {
  return observe(
    entry[op] as Raw<Exclude<NonNullable<BucketEntry[K]>, { error: unknown }>>,
    `s3:${op}`,
    NOT_CONFIGURED_ERRORS[op] ?? [],
    map,
  );
}

function normaliseBucket(name: string, entry: BucketEntry, context: NormaliseContext): S3Bucket {
  const { accountId } = context;
  const policyText = bucketObservation(entry, 'GetBucketPolicy', (r): Observed<string> =>
    r.Policy === undefined ? { kind: 'absent', errorName: 'NoSuchBucketPolicy' } : { kind: 'present', value: r.Policy },
  );
  return {
    kind: 's3-bucket',
    name,
    arn: entry.BucketArn ?? context.arn('s3-bucket', entry.Region, name),
    region: entry.Region,
    accountId,
    creationDate: entry.CreationDate,
    policyText,
    policy: parsePolicy(policyText),
    // AWS always answers IsPublic; reading its absence as false would let the checks trust a verdict nobody gave
    policyStatus: bucketObservation(entry, 'GetBucketPolicyStatus', (r): Observed<{ isPublic: boolean }> =>
      r.PolicyStatus?.IsPublic === undefined
        ? {
            kind: 'error',
            operation: 's3:GetBucketPolicyStatus',
            error: { name: 'MalformedResponse', message: 'the answer has no PolicyStatus.IsPublic' },
          }
        : { kind: 'present', value: { isPublic: r.PolicyStatus.IsPublic } },
    ),
    publicAccessBlock: bucketObservation(entry, 'GetPublicAccessBlock', (r) =>
      publicAccessBlockOf(r.PublicAccessBlockConfiguration),
    ),
    acl: bucketObservation(entry, 'GetBucketAcl', (r): Observed<BucketAcl> => {
      const grants: AclGrant[] = [];
      for (const [index, g] of (r.Grants ?? []).entries()) {
        // AWS names every grant's grantee and permission, and a Group by its URI: without them a grant cannot be
        // told apart from a public one
        if (!g.Grantee || !g.Permission || (g.Grantee.Type === 'Group' && !g.Grantee.URI)) {
          return {
            kind: 'error',
            operation: 's3:GetBucketAcl',
            error: {
              name: 'MalformedResponse',
              message: `grant #${index + 1} has no Grantee, Permission or (for a Group) URI`,
            },
          };
        }
        grants.push({
          granteeType: g.Grantee.Type,
          uri: g.Grantee.URI,
          id: g.Grantee.ID,
          email: g.Grantee.EmailAddress,
          permission: g.Permission,
        });
      }
      return { kind: 'present', value: { ownerId: r.Owner?.ID, grants } };
    }),
    ownership: bucketObservation(entry, 'GetBucketOwnershipControls', (r): Observed<ObjectOwnership> => {
      const rule = r.OwnershipControls?.Rules[0];
      return rule
        ? { kind: 'present', value: rule.ObjectOwnership }
        : { kind: 'absent', errorName: 'OwnershipControlsNotFoundError' };
    }),
    encryption: bucketObservation(entry, 'GetBucketEncryption', (r): EncryptionRule[] =>
      (r.ServerSideEncryptionConfiguration?.Rules ?? []).flatMap((rule) =>
        rule.ApplyServerSideEncryptionByDefault
          ? [
              {
                sseAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm,
                kmsMasterKeyId: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID,
                bucketKeyEnabled: rule.BucketKeyEnabled,
              },
            ]
          : [],
      ),
    ),
    versioning: bucketObservation(entry, 'GetBucketVersioning', (r): Versioning => ({
      status: r.Status,
      mfaDelete: r.MFADelete,
    })),
    logging: bucketObservation(entry, 'GetBucketLogging', (r): Logging => ({
      targetBucket: r.LoggingEnabled?.TargetBucket,
      targetPrefix: r.LoggingEnabled?.TargetPrefix,
    })),
    objectLock: bucketObservation(entry, 'GetObjectLockConfiguration', (r): ObjectLock => {
      const retention = r.ObjectLockConfiguration?.Rule?.DefaultRetention;
      return {
        enabled: r.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled',
        defaultRetention: retention
          ? { mode: retention.Mode, days: retention.Days, years: retention.Years }
          : undefined,
      };
    }),
    lifecycle: bucketObservation(entry, 'GetBucketLifecycleConfiguration', (r): LifecycleRule[] =>
      (r.Rules ?? []).map((rule) => ({
        id: rule.ID,
        status: rule.Status,
        prefix: rule.Prefix,
        expirationDays: rule.Expiration?.Days,
        noncurrentVersionExpirationDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
        noncurrentVersionTransitions: rule.NoncurrentVersionTransitions?.length ?? 0,
        transitions: rule.Transitions?.length ?? 0,
        abortIncompleteMultipartUploadDays: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
        hasFilter: rule.Filter !== undefined,
      })),
    ),
    replication: bucketObservation(entry, 'GetBucketReplication', (r): Replication => ({
      role: r.ReplicationConfiguration?.Role,
      rules: (r.ReplicationConfiguration?.Rules ?? []).map((rule) => ({
        id: rule.ID,
        status: rule.Status,
        destinationBucket: rule.Destination.Bucket,
        destinationAccount: rule.Destination.Account,
      })),
    })),
    tags: bucketObservation(entry, 'GetBucketTagging', (r) =>
      Object.fromEntries(r.TagSet.map((t) => [t.Key, t.Value])),
    ),
    website: bucketObservation(entry, 'GetBucketWebsite', (r): Website => ({
      indexDocument: r.IndexDocument?.Suffix,
      redirectAllRequestsTo: r.RedirectAllRequestsTo?.HostName,
    })),
    notifications: bucketObservation(entry, 'GetBucketNotificationConfiguration', (r): Notifications => ({
      topics: r.TopicConfigurations?.length ?? 0,
      queues: r.QueueConfigurations?.length ?? 0,
      lambdaFunctions: r.LambdaFunctionConfigurations?.length ?? 0,
      eventBridge: r.EventBridgeConfiguration !== undefined,
    })),
    cors: bucketObservation(entry, 'GetBucketCors', (r): CorsRule[] =>
      (r.CORSRules ?? []).map((rule) => ({
        allowedOrigins: rule.AllowedOrigins,
        allowedMethods: rule.AllowedMethods,
        allowedHeaders: rule.AllowedHeaders ?? [],
        exposeHeaders: rule.ExposeHeaders ?? [],
      })),
    ),
  };
}

/**
 * A policy that is not valid JSON, or not shaped like a policy (`null`, a list, a Statement that is a string), is
 * evidence of a problem, not a broken snapshot: its checks become unknown.
 */
function parsePolicy(text: Observed<string>): Observed<unknown> {
  if (text.kind !== 'present') return text;
  try {
    return policyEvidence(JSON.parse(text.value), 's3:GetBucketPolicy', 'the bucket policy');
  } catch (error) {
    return {
      kind: 'error',
      operation: 's3:GetBucketPolicy',
      error: {
        name: 'MalformedPolicyJSON',
        message: `the bucket policy is not valid JSON (${(error as Error).message})`,
      },
    };
  }
}

/** The account's Public Access Block and every bucket, sorted by name. */
export function normaliseS3(section: Snapshot['s3'], context: NormaliseContext): { state: S3State; gaps: Gap[] } {
  return {
    state: {
      accountPublicAccessBlock: observe(
        section?.GetPublicAccessBlock,
        's3control:GetPublicAccessBlock',
        ['NoSuchPublicAccessBlockConfiguration'],
        (r) => publicAccessBlockOf(r.PublicAccessBlockConfiguration),
      ),
      buckets: Object.entries(section?.buckets ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, entry]) => normaliseBucket(name, entry, context)),
    },
    gaps: [],
  };
}
