/**
 * GetBucketLocation answers with a LocationConstraint, not a region: buckets in us-east-1 have none
 * (null or empty), and the legacy constraint `EU` means eu-west-1.
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** The partition (`aws`, `aws-cn`, `aws-us-gov`) of an ARN such as the caller identity's. */
export function partitionOfArn(arn: string | undefined): string {
  const partition = arn?.split(':')[1];
  return partition ? partition : 'aws';
}
