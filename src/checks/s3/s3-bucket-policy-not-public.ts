import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { bucketPolicyAnalysis, describeInForce, flagInForce } from '../policy/index.ts';

export default defineCheck({
  id: 's3-bucket-policy-not-public',
  aliases: ['S3.2', 'S3.3'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'critical',
  title: 'S3 bucket policy is not public',
  description: `A bucket policy is public, by AWS's definition ("The meaning of public" in the S3 user guide), when an Allow statement grants \`Principal: "*"\` (or \`{"AWS": "*"}\`, a web identity provider, or uses NotPrincipal) without a condition that fixes who can use it: a non-wildcard value of aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID, aws:userid, s3:x-amz-server-side-encryption-aws-kms-key-id, s3:DataAccessPointArn, s3:DataAccessPointAccount, or an aws:SourceIp range no broader than /8 (IPv4) or /32 (IPv6). Service principals, such as CloudFront with Origin Access Control, are not public. A Deny statement that refuses every request outside such fixed values also keeps the grant private.

When GetBucketPolicyStatus was collected, its IsPublic (AWS's own evaluation) decides the verdict, and the message says so when cloudwarden's analysis disagrees; but a policy with parts cloudwarden cannot read (a statement without Effect or Principal) never passes on IsPublic=false alone: it is unknown, naming the unreadable part. RestrictPublicBuckets (bucket or account level) does not make the policy private: it blocks anonymous and cross-account use of a public policy, and the message says when it does. The check still fails, because the exposure returns as soon as that setting is turned off.`,
  remediation: {
    terraform: `# Grant a named principal, or add a condition on a fixed value, instead of Principal "*":
data "aws_iam_policy_document" "this" {
  statement {
    sid       = "AllowCloudFrontOAC"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json
}`,
    cli: `aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
# edit policy.json: remove the public statements or add a fixed-value condition
aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json
aws s3api get-bucket-policy-status --bucket BUCKET`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit > remove the statements named in the finding (or restrict them to a CloudFront distribution, VPC endpoint, account or organization) > Save changes. Then turn on Block public access for the bucket.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3',
  ],
  // GetBucketPolicyStatus and the Public Access Block are optional evidence: the policy alone decides when they are missing.
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
    const status = bucket.policyStatus.kind === 'present' ? bucket.policyStatus.value.isPublic : undefined;
    const ours = analysis.public;

    let verdictIsPublic: boolean;
    let note = '';
    if (status === undefined) {
      verdictIsPublic = ours;
    } else {
      verdictIsPublic = status;
      if (status !== ours) {
        note = ours
          ? ` GetBucketPolicyStatus says IsPublic=false but cloudwarden's analysis finds it public (${analysis.reasons.join('; ')}): AWS's evaluation decides; review these statements.`
          : ` GetBucketPolicyStatus says IsPublic=true but cloudwarden's analysis finds no public statement (${analysis.reasons.join('; ')}): AWS's evaluation decides.`;
      }
    }

    if (!verdictIsPublic) {
      // AWS stores no policy with unreadable parts, so the text is not the whole story and a pass would rest on a guess
      if (analysis.problems.length > 0) {
        const aws =
          status === undefined
            ? 'GetBucketPolicyStatus is not available'
            : 'a pass needs a policy cloudwarden can read, whatever GetBucketPolicyStatus says';
        return inconclusive(
          `part of the policy could not be read (${analysis.problems.join('; ')}) and ${aws}`,
          analysis.problems.join('; '),
        );
      }
      const why = ours ? 'AWS evaluates the policy as not public' : analysis.reasons.join('; ');
      return pass(`the bucket policy is not public: ${why}.${note}`);
    }
    const why = ours ? analysis.reasons.join('; ') : 'AWS evaluates the policy as public';
    const restrict = flagInForce(bucket, state, 'restrictPublicBuckets');
    const limited =
      restrict.state === 'on'
        ? ` ${describeInForce('restrictPublicBuckets', restrict)}, so only AWS services and this account can use it for now; the exposure returns if that setting is turned off.`
        : '';
    return fail(`the bucket policy is public: ${why}.${limited}${note}`);
  },
});
