import type { S3Bucket } from '../../services/s3/model.ts';
import { known } from '../read.ts';
import { analyseBucketPolicy, type PolicyAnalysis } from './analysis.ts';

/** Several checks read the same policy: analyse each parsed document once. */
const cache = new WeakMap<object, PolicyAnalysis>();

/**
 * The analysis of a bucket's policy, or null when the bucket has none (`NoSuchBucketPolicy`).
 * Only for checks that list `s3:GetBucketPolicy` in `needs`.
 */
export function bucketPolicyAnalysis(bucket: S3Bucket): PolicyAnalysis | null {
  const policy = known(bucket.policy);
  if (policy === null) return null;
  if (typeof policy !== 'object') return analyseBucketPolicy(policy, { accountId: bucket.accountId });
  let analysis = cache.get(policy);
  if (!analysis) {
    analysis = analyseBucketPolicy(policy, { accountId: bucket.accountId });
    cache.set(policy, analysis);
  }
  return analysis;
}
