import type { Result } from '../../src/findings/result.ts';
import type { ScanReport } from '../../src/report/scan-report.ts';

/** A fixed set of results, built directly so that golden files do not depend on which checks exist. */
const ACCOUNT = '123456789012';

const remediation = {
  terraform: 'resource "aws_s3_bucket_logging" "this" {\n  bucket        = "BUCKET"\n  target_bucket = "LOG_BUCKET"\n}',
  cli: 'aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status file://logging.json',
  console: 'S3 console > Buckets > BUCKET > Properties > Server access logging > Edit > Enable.',
};

function bucket(name: string, region = 'ap-northeast-1') {
  return { arn: `arn:aws:s3:::${name}`, type: 'AwsS3Bucket', region };
}

export function fixedResults(): Result[] {
  return [
    {
      checkId: 's3-bucket-logging-enabled',
      aliases: ['AVD-AWS-0089', 'S3.9'],
      title: 'S3 bucket has server access logging enabled',
      severity: 'medium',
      status: 'fail',
      resource: bucket('logs-central'),
      accountId: ACCOUNT,
      message: 'server access logging is not enabled',
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
        'https://avd.aquasec.com/misconfig/avd-aws-0089',
      ],
      remediation,
      tags: { env: 'prod', team: 'platform' },
    },
    {
      checkId: 's3-bucket-versioning-enabled',
      aliases: ['AVD-AWS-0090', 'S3.14'],
      title: 'S3 bucket has versioning enabled',
      severity: 'medium',
      status: 'pass',
      resource: bucket('logs-central'),
      accountId: ACCOUNT,
      message: 'versioning is Enabled',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
      tags: { env: 'prod', team: 'platform' },
    },
    {
      checkId: 's3-bucket-policy-not-public',
      aliases: ['S3.2', 'S3.3'],
      title: 'S3 bucket policy does not allow public access',
      severity: 'critical',
      status: 'fail',
      resource: bucket('public-site', 'us-east-1'),
      accountId: ACCOUNT,
      message: 'statement "PublicRead" allows s3:GetObject to Principal "*" without a restricting condition',
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
      ],
      remediation: {
        terraform:
          'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket = aws_s3_bucket.this.id\n  block_public_policy = true\n}',
        cli: 'aws s3api delete-bucket-policy --bucket BUCKET',
        console: 'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit.',
      },
    },
    {
      checkId: 's3-bucket-encrypted-with-cmk',
      aliases: ['AVD-AWS-0132', 'S3.17'],
      title: 'S3 bucket encrypts by default with a customer managed KMS key',
      severity: 'high',
      status: 'fail',
      resource: bucket('data-lake'),
      accountId: ACCOUNT,
      message: 'default encryption is AES256 (SSE-S3), not a customer managed KMS key',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
      remediation: {
        terraform: 'resource "aws_s3_bucket_server_side_encryption_configuration" "this" {}',
        cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration file://sse.json',
        console: 'S3 console > Buckets > BUCKET > Properties > Default encryption > Edit.',
      },
    },
    {
      checkId: 's3-bucket-policy-not-public',
      aliases: ['S3.2', 'S3.3'],
      title: 'S3 bucket policy does not allow public access',
      severity: 'critical',
      status: 'unknown',
      resource: bucket('data-lake'),
      accountId: ACCOUNT,
      message: 'cannot decide: AccessDenied on s3:GetBucketPolicy: Access Denied',
      reason: 'AccessDenied on s3:GetBucketPolicy: Access Denied',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
    },
    {
      checkId: 's3-bucket-logging-enabled',
      aliases: ['AVD-AWS-0089', 'S3.9'],
      title: 'S3 bucket has server access logging enabled',
      severity: 'medium',
      status: 'accepted',
      resource: bucket('sandbox-1'),
      accountId: ACCOUNT,
      message: 'server access logging is not enabled',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
      remediation,
      tags: { env: 'sandbox' },
      acceptance: {
        reason: 'sandbox buckets hold no customer data',
        acceptedBy: 'security-team',
        expires: '2026-12-31',
        source: '.cloudwarden/accept.yaml:1',
        originalStatus: 'fail',
      },
    },
    {
      checkId: 's3-bucket-no-website',
      aliases: [],
      title: 'S3 bucket does not host a static website',
      severity: 'info',
      status: 'fail',
      resource: bucket('public-site', 'us-east-1'),
      accountId: ACCOUNT,
      message: 'static website hosting is enabled (index document index.html)',
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html'],
      remediation: {
        terraform: '# remove aws_s3_bucket_website_configuration',
        cli: 'aws s3api delete-bucket-website --bucket BUCKET',
        console: 'Properties > Static website hosting > Disable.',
      },
    },
    {
      checkId: 's3-account-public-access-block',
      aliases: ['S3.1'],
      title: 'S3 account-level Block Public Access is on',
      severity: 'medium',
      status: 'fail',
      resource: { arn: `arn:aws:s3::${ACCOUNT}:account`, type: 'AwsAccount', region: 'global' },
      accountId: ACCOUNT,
      message: 'account-level Public Access Block is not configured',
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
      ],
      remediation: {
        terraform: 'resource "aws_s3_account_public_access_block" "this" {}',
        cli: 'aws s3control put-public-access-block --account-id ACCOUNT',
        console: 'S3 console > Block Public Access settings for this account.',
      },
    },
  ];
}

export function fixedReport(results: Result[] = fixedResults()): ScanReport {
  return {
    schemaVersion: 1,
    accountId: ACCOUNT,
    generatedAt: '2026-11-22T01:02:03.000Z',
    collectedAt: '2026-11-22T00:00:00Z',
    partial: false,
    notCollected: ['ec2'],
    results,
  };
}

export const HOSTILE_BUCKET = '<img src=x onerror=alert(1)>';
export const HOSTILE_TAG = '=HYPERLINK("http://x")';

/** Attacker-controlled text everywhere a bucket owner can put it: bucket name, tags, messages that quote policy text. */
export function hostileReport(): ScanReport {
  const base = fixedResults()[0]!;
  const accepted = fixedResults()[5]!;
  const arn = `arn:aws:s3:::${HOSTILE_BUCKET}`;
  const tags = { [HOSTILE_TAG]: HOSTILE_TAG, owner: '<script>alert("tag")</script>|x' };
  return fixedReport([
    {
      ...base,
      resource: { ...base.resource, arn },
      tags,
      message: `policy statement "${HOSTILE_TAG}" | <script>alert(1)</script>\nsecond line`,
    },
    {
      ...base,
      checkId: 's3-bucket-policy-not-public',
      status: 'unknown',
      resource: { ...base.resource, arn },
      tags,
      message: 'cannot decide: MalformedPolicy',
      reason: `${HOSTILE_TAG} <img src=y onerror=alert(2)>`,
    },
    {
      ...accepted,
      resource: { ...accepted.resource, arn },
      tags,
      acceptance: { ...accepted.acceptance!, reason: `${HOSTILE_TAG} <b>bold</b>`, acceptedBy: '@evil' },
    },
  ]);
}
