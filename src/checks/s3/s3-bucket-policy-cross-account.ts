import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { bucketPolicyAnalysis, CROSS_ACCOUNT_BLOCKED_ACTIONS, describeAccounts } from '../policy/index.ts';

export default defineCheck({
  id: 's3-bucket-policy-cross-account',
  aliases: ['S3.6'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'high',
  title: 'S3 bucket policy does not let other AWS accounts change its access controls',
  description: `Another AWS account that may change a bucket's policy, ACLs or default encryption can take the bucket over or open it to the world. Like Security Hub S3.6 (AWS Config rule s3-bucket-blacklisted-actions-prohibited with its default list), the check fails when an Allow statement grants a principal of another account any of ${CROSS_ACCOUNT_BLOCKED_ACTIONS.join(', ')}, directly or through a wildcard such as \`s3:*\`, \`s3:Put*\` or \`*\`. \`Principal: "*"\` counts as every account unless a fixed aws:PrincipalAccount or aws:PrincipalArn names the accounts; service principals do not count. Deny statements are not taken into account, as in S3.6.`,
  remediation: {
    terraform: `# Grant other accounts only the data actions they need, never s3:* or policy/ACL/encryption changes:
data "aws_iam_policy_document" "this" {
  statement {
    sid       = "PartnerReadOnly"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/partner-reader"]
    }
  }
}`,
    cli: `aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
# edit policy.json: remove s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy,
# s3:PutEncryptionConfiguration and s3:PutObjectAcl (and wildcards that include them) from statements for other accounts
aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit > in the statements named in the finding, replace wildcard actions with the data actions the other account needs > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6',
    'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-blacklisted-actions-prohibited.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html',
  ],
  needs: ['s3:GetBucketPolicy'],
  triggers: ['PutBucketPolicy', 'DeleteBucketPolicy'],
  evaluate(bucket) {
    const analysis = bucketPolicyAnalysis(bucket);
    if (analysis === null) return pass('the bucket has no bucket policy');
    const offending = analysis.crossAccount.grants.filter((grant) => grant.blockedActions.length > 0);
    if (offending.length > 0) {
      return fail(
        offending
          .map((g) => `statement ${g.statement} lets ${describeAccounts(g.accounts)} ${g.blockedActions.join(', ')}`)
          .join('; '),
      );
    }
    if (analysis.problems.length > 0) {
      return inconclusive(
        `part of the policy could not be read (${analysis.problems.join('; ')})`,
        analysis.problems.join('; '),
      );
    }
    const others = analysis.crossAccount.accounts;
    return pass(
      others.length > 0
        ? `${describeAccounts(others)} may use the bucket, but none may change its policy, ACLs or encryption`
        : 'the bucket policy grants nothing to other AWS accounts',
    );
  },
});
