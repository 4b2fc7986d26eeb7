import type { Observed } from '../../model/observed.ts';
import { defineServiceState, type StateOperation } from '../define-state.ts';
import type { S3Bucket, S3State } from './model.ts';
import { normaliseS3 } from './normalise.ts';

function bucketField(field: keyof S3Bucket & string): StateOperation<S3State, S3Bucket> {
  return { scope: 's3-bucket', read: (_state, bucket) => bucket[field] as Observed<unknown> };
}

/** Amazon S3 in the account state: `state.s3` (account Public Access Block, buckets). */
export default defineServiceState({
  sections: ['s3'],
  normalise: (snapshot, context) => normaliseS3(snapshot.s3, context),
  resources: {
    's3-bucket': {
      securityHubType: 'AwsS3Bucket',
      // bucket ARNs name neither region nor account
      arn: ({ partition, id }) => `arn:${partition}:s3:::${id}`,
      of: (state: S3State) => state.buckets,
    },
  },
  operations: {
    's3:GetBucketPolicy': bucketField('policy'),
    's3:GetBucketPolicyStatus': bucketField('policyStatus'),
    's3:GetPublicAccessBlock': bucketField('publicAccessBlock'),
    's3:GetBucketAcl': bucketField('acl'),
    's3:GetBucketOwnershipControls': bucketField('ownership'),
    's3:GetBucketEncryption': bucketField('encryption'),
    's3:GetBucketVersioning': bucketField('versioning'),
    's3:GetBucketLogging': bucketField('logging'),
    's3:GetObjectLockConfiguration': bucketField('objectLock'),
    's3:GetBucketLifecycleConfiguration': bucketField('lifecycle'),
    's3:GetBucketReplication': bucketField('replication'),
    's3:GetBucketTagging': bucketField('tags'),
    's3:GetBucketWebsite': bucketField('website'),
    's3:GetBucketNotificationConfiguration': bucketField('notifications'),
    's3:GetBucketCors': bucketField('cors'),
    's3control:GetPublicAccessBlock': { scope: 'account', read: (state: S3State) => state.accountPublicAccessBlock },
  },
});
