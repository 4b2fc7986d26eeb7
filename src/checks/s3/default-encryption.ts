import type { EncryptionRule } from '../../services/s3/model.ts';

/** SSE algorithms that encrypt with a KMS key (SSE-KMS and dual-layer DSSE-KMS). */
export const KMS_ALGORITHMS: readonly string[] = ['aws:kms', 'aws:kms:dsse'];

/** S3 applies the first rule that sets a default; buckets have one in practice. */
export function defaultEncryptionRule(rules: readonly EncryptionRule[] | null): EncryptionRule | undefined {
  return rules?.[0];
}

/**
 * The key S3 uses for SSE-KMS, and whether it is the AWS managed `aws/s3` key. AWS records no key
 * id (or its alias) when the bucket uses the AWS managed key; aliases under `alias/aws/` are
 * reserved for AWS managed keys.
 */
export function kmsKeyOf(rule: EncryptionRule): { keyId: string | undefined; awsManaged: boolean } {
  const keyId = rule.kmsMasterKeyId?.trim() || undefined;
  const awsManaged = keyId === undefined || /(^|:)alias\/aws\//.test(keyId);
  return { keyId, awsManaged };
}

export function describeAlgorithm(algorithm: string): string {
  if (algorithm === 'AES256') return 'SSE-S3 (AES256)';
  if (algorithm === 'aws:kms') return 'SSE-KMS (aws:kms)';
  if (algorithm === 'aws:kms:dsse') return 'DSSE-KMS (aws:kms:dsse)';
  return algorithm;
}
