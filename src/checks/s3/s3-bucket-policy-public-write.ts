import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { bucketPolicyAnalysis, describeInForce, flagInForce } from '../policy/index.ts';

export default defineCheck({
  id: 's3-bucket-policy-public-write',
  aliases: [],
  service: 's3',
  resource: 's3-bucket',
  severity: 'critical',
  title: 'S3 bucket policy does not let the public write or change access',
  description:
    "A public statement (by the same definition as s3-bucket-policy-not-public) that allows a write or permissions-management action, such as s3:PutObject, s3:DeleteObject, s3:PutBucketPolicy or any wildcard covering them (s3:Put*, s3:*, *), lets anyone on the internet plant malware, delete data or take the bucket over. Public read is sometimes intended (a website); public write almost never is. Prowler checks the same with s3_bucket_policy_public_write_access. When GetBucketPolicyStatus was collected and says the policy is not public, AWS's evaluation decides and the message says the analysis disagrees.",
  remediation: {
    terraform: `# Keep public statements read-only, or remove them:
data "aws_iam_policy_document" "this" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`,
    cli: `aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
# edit policy.json: remove write actions from statements with Principal "*"
aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit > remove the write actions from the statements named in the finding > Save changes. Then turn on Block public access for the bucket.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3',
  ],
  needs: ['s3:GetBucketPolicy'],
  triggers: [
    'PutBucketPolicy',
    'DeleteBucketPolicy',
    'PutBucketPublicAccessBlock',
    'DeleteBucketPublicAccessBlock',
    'PutAccountPublicAccessBlock',
    'DeleteAccountPublicAccessBlock',
  ],
  evaluate(bucket, { state }) {
    const analysis = bucketPolicyAnalysis(bucket);
    if (analysis === null) return pass('the bucket has no bucket policy');
    const writers = analysis.publicWriteStatements;
    const awsSaysPrivate = bucket.policyStatus.kind === 'present' && !bucket.policyStatus.value.isPublic;
    if (writers.length > 0 && !awsSaysPrivate) {
      const restrict = flagInForce(bucket, state, 'restrictPublicBuckets');
      const limited =
        restrict.state === 'on'
          ? ` (${describeInForce('restrictPublicBuckets', restrict)}, which blocks this until it is turned off)`
          : '';
      const why = analysis.statements.filter((s) => writers.includes(s.statement)).map((s) => s.reason);
      return fail(`anyone may write: ${why.join('; ')}${limited}`);
    }
    if (analysis.problems.length > 0) {
      return inconclusive(
        `part of the policy could not be read (${analysis.problems.join('; ')})`,
        analysis.problems.join('; '),
      );
    }
    if (writers.length > 0) {
      // Same rule as s3-bucket-policy-not-public: AWS's own evaluation decides whether the policy is public.
      return pass(
        `GetBucketPolicyStatus says IsPublic=false, so AWS does not treat the policy as public; cloudwarden's analysis disagrees for ${writers.join(', ')}: review these statements`,
      );
    }
    return pass(
      analysis.public
        ? `public statements (${analysis.publicStatements.join(', ')}) allow no write or permissions-management action`
        : 'the bucket policy is not public',
    );
  },
});
