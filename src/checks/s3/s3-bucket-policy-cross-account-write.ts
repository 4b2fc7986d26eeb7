import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { bucketPolicyAnalysis, describeAccounts, summariseActions } from '../policy/index.ts';

export default defineCheck({
  id: 's3-bucket-policy-cross-account-write',
  aliases: [],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket policy does not let other AWS accounts write objects',
  description:
    'An Allow statement that lets a principal of another AWS account upload, overwrite, delete or restore objects, or change their ACLs, tags or retention (IAM access level Write or Permissions management on the object resource type), lets that account alter or destroy your data. Some such grants are deliberate (a replication destination, a partner drop-off bucket, the Elastic Load Balancing account writing access logs): accept those explicitly. `Principal: "*"` counts as every account unless a fixed aws:PrincipalAccount or aws:PrincipalArn names the accounts; service principals do not count. Prowler checks the same with s3_bucket_cross_account_access.',
  remediation: {
    terraform: `# Give other accounts read access only, or write access to one prefix with the bucket owner enforced:
data "aws_iam_policy_document" "this" {
  statement {
    sid       = "PartnerDropOff"
    actions   = ["s3:PutObject"]
    resources = ["\${aws_s3_bucket.this.arn}/incoming/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/partner-uploader"]
    }
  }
}`,
    cli: `aws s3api get-bucket-policy --bucket BUCKET --query Policy --output text > policy.json
# edit policy.json: remove write actions (s3:PutObject, s3:DeleteObject, s3:Put*, s3:*…) from statements for other accounts
aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Bucket policy > Edit > remove the write actions from the statements named in the finding, or narrow their Resource to one prefix > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6',
  ],
  needs: ['s3:GetBucketPolicy'],
  triggers: ['PutBucketPolicy', 'DeleteBucketPolicy'],
  evaluate(bucket) {
    const analysis = bucketPolicyAnalysis(bucket);
    if (analysis === null) return pass('the bucket has no bucket policy');
    const writers = analysis.crossAccount.grants.filter((grant) => grant.objectWriteActions.length > 0);
    if (writers.length > 0) {
      return fail(
        writers
          .map(
            (g) =>
              `statement ${g.statement} lets ${describeAccounts(g.accounts)} ${summariseActions(g.objectWriteActions)}`,
          )
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
        ? `${describeAccounts(others)} may use the bucket, but none may write objects`
        : 'the bucket policy grants nothing to other AWS accounts',
    );
  },
});
