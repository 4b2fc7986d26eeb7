import { defineCheck, pass } from '../define-check.ts';
import { publicPolicyVerdict } from '../public-policy.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'lambda-function-not-public',
  aliases: ['Lambda.1', 'awslambda_function_not_publicly_accessible'],
  service: 'lambda',
  resource: 'lambda-function',
  severity: 'critical',
  title: 'Lambda function policy does not grant public access',
  description:
    'A function\'s resource-based policy decides who besides the account may invoke or manage it. It is public, by the same analysis as an S3 bucket policy, when an Allow statement grants `Principal: "*"` (or `{"AWS": "*"}`) without a condition that fixes who can use it (a non-wildcard aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:PrincipalAccount…). A public function URL (`lambda:InvokeFunctionUrl` to `*` with `lambda:FunctionUrlAuthType` NONE) is such a grant. A function without a policy (GetPolicy answers ResourceNotFoundException) is not public. Security Hub Lambda.1.',
  remediation: {
    terraform: `# Grant a service principal with a fixed source instead of "*":
resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "AllowS3Invoke"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.this.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = data.aws_caller_identity.current.account_id
}`,
    cli: `aws lambda get-policy --function-name FUNCTION --region REGION --query Policy --output text
aws lambda remove-permission --function-name FUNCTION --statement-id STATEMENT_ID --region REGION`,
    console:
      'Lambda console (in the region) > Functions > FUNCTION > Configuration > Permissions > Resource-based policy statements > delete the statements named in the finding, or add a condition on the source ARN or account.',
  },
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1',
  ],
  needs: ['lambda:GetPolicy'],
  triggers: ['AddPermission20150331v2', 'RemovePermission20150331v2'],
  evaluate(fn) {
    const policy = known(fn.policy);
    if (policy === null) return pass(`${fn.name} has no resource-based policy`);
    return publicPolicyVerdict(fn.name, policy, fn.accountId);
  },
});
