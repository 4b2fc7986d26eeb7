import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { analyseDenyInsecureTransport } from '../policy/index.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-deny-insecure-transport',
  aliases: ['S3.5'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket policy denies requests over plain HTTP',
  description:
    'S3 accepts HTTP as well as HTTPS unless the bucket policy refuses it. A request over HTTP can be read or altered on the network. The check passes when one Deny statement with the condition `Bool aws:SecureTransport = false` applies to all principals (`"*"`), all actions (`s3:*` or `*`), the bucket itself and its objects (`arn:aws:s3:::BUCKET` and `arn:aws:s3:::BUCKET/*`), with no further condition narrowing it. CIS AWS Foundations 2.1.1.',
  remediation: {
    terraform: `data "aws_iam_policy_document" "this" {
  # ... the statements the bucket already has ...

  statement {
    sid     = "SSLRequestsOnly"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "\${aws_s3_bucket.this.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}`,
    cli: `aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
# add to "Statement":
#   {"Sid":"SSLRequestsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
#    "Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],
#    "Condition":{"Bool":{"aws:SecureTransport":"false"}}}
aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit > add a statement denying s3:* to Principal "*" on the bucket and BUCKET/* when aws:SecureTransport is false > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
    'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5',
  ],
  needs: ['s3:GetBucketPolicy'],
  triggers: ['PutBucketPolicy', 'DeleteBucketPolicy'],
  evaluate(bucket) {
    if (known(bucket.policy) === null)
      return fail('the bucket has no bucket policy, so requests over plain HTTP are accepted');
    const analysis = analyseDenyInsecureTransport(known(bucket.policy), bucket.arn);
    if (analysis.enforced) return pass(`statement ${analysis.statement} denies every request made without TLS`);
    if (analysis.problems.length > 0) {
      return inconclusive(
        `no statement denies plain HTTP, and part of the policy could not be read (${analysis.problems.join('; ')})`,
        analysis.problems.join('; '),
      );
    }
    if (analysis.shortfalls.length > 0) {
      return fail(`no Deny for aws:SecureTransport = false covers all requests: ${analysis.shortfalls.join('; ')}`);
    }
    return fail(
      'the bucket policy has no Deny statement for aws:SecureTransport = false, so requests over plain HTTP are accepted',
    );
  },
});
