import { controlsFrom, type Framework } from '../framework.ts';

const PUBLIC_ACL = 's3-bucket-acl-not-public';

/** AWS Foundational Security Best Practices v1.0.0 (Security Hub), its Amazon S3 controls. */
export const awsFsbp: Framework = {
  name: 'aws-fsbp',
  title: 'AWS Foundational Security Best Practices',
  version: '1.0.0',
  scope:
    "The standard's Amazon S3 controls (cloudwarden scans S3): S3.1, S3.2, S3.3, S3.5, S3.6, S3.8, S3.9, S3.12, S3.13, S3.19, S3.24, S3.25. " +
    'Access points (S3.19), Multi-Region Access Points (S3.24) and directory buckets (S3.25) are not collected yet and are manual. ' +
    "S3.2 is decided by the public ACL and public policy checks, S3.3 by the public ACL and public-write policy checks (the ACL check fails on any public grant, read or write).",
  controls: controlsFrom({
    'Amazon S3': [
      ['S3.1', 'S3 general purpose buckets should have block public access settings enabled', 'medium', ['s3-account-public-access-block']],
      ['S3.2', 'S3 general purpose buckets should block public read access', 'critical', [PUBLIC_ACL, 's3-bucket-policy-not-public']],
      ['S3.3', 'S3 general purpose buckets should block public write access', 'critical', [PUBLIC_ACL, 's3-bucket-policy-public-write']],
      ['S3.5', 'S3 general purpose buckets should require requests to use SSL', 'medium', ['s3-bucket-deny-insecure-transport']],
      ['S3.6', 'S3 general purpose bucket policies should restrict access to other AWS accounts', 'high', ['s3-bucket-policy-cross-account']],
      ['S3.8', 'S3 general purpose buckets should block public access', 'high', ['s3-bucket-public-access-block']],
      ['S3.9', 'S3 general purpose buckets should have server access logging enabled', 'medium', ['s3-bucket-logging-enabled']],
      ['S3.12', 'ACLs should not be used to manage user access to S3 general purpose buckets', 'medium', ['s3-bucket-owner-enforced']],
      ['S3.13', 'S3 general purpose buckets should have Lifecycle configurations', 'low', ['s3-bucket-lifecycle-configured']],
      ['S3.19', 'S3 access points should have block public access settings enabled', 'critical'],
      ['S3.24', 'S3 Multi-Region Access Points should have block public access settings enabled', 'high'],
      ['S3.25', 'S3 directory buckets should have lifecycle configurations', 'low'],
    ],
  }),
};
