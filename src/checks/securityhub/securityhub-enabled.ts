import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** Standards subscriptions by the path of their ARN (`standards/aws-foundational-security-best-practices/v/1.0.0`, `ruleset/cis-…`). */
const WANTED = [
  { name: 'AWS Foundational Security Best Practices', pattern: /\/aws-foundational-security-best-practices\// },
  { name: 'CIS AWS Foundations Benchmark', pattern: /\/cis-aws-foundations-benchmark\// },
];

export default defineCheck({
  id: 'securityhub-enabled',
  aliases: [],
  service: 'securityhub',
  resource: 'region',
  severity: 'medium',
  title: 'Security Hub is enabled in the region with the FSBP and CIS standards',
  description:
    'Security Hub gathers GuardDuty, Inspector, Macie and Config findings in one place and runs the AWS Foundational Security Best Practices (FSBP) and CIS AWS Foundations controls continuously. It must be enabled in every region it should cover, with both standards subscribed. DescribeHub answers InvalidAccessException when the account is not subscribed in the region.',
  remediation: {
    terraform: `resource "aws_securityhub_account" "this" {}

resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:\${var.region}::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.this]
}

resource "aws_securityhub_standards_subscription" "cis" {
  standards_arn = "arn:aws:securityhub:\${var.region}::standards/cis-aws-foundations-benchmark/v/3.0.0"
  depends_on    = [aws_securityhub_account.this]
}`,
    cli: `aws securityhub enable-security-hub --enable-default-standards --region REGION
aws securityhub batch-enable-standards --standards-subscription-requests StandardsArn=arn:aws:securityhub:REGION::standards/cis-aws-foundations-benchmark/v/3.0.0 --region REGION`,
    console:
      'Security Hub console (in the region) > Go to Security Hub > tick AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark > Enable Security Hub; later: Security standards > enable the missing one.',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-standards.html',
  ],
  needs: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  triggers: ['EnableSecurityHub', 'DisableSecurityHub', 'BatchEnableStandards', 'BatchDisableStandards'],
  evaluate(region, { state }) {
    const detection = state.detection.regions[region.region]!;
    if (known(detection.securityHub) === null)
      return fail(`Security Hub is not enabled in ${region.region} (InvalidAccessException)`);
    const standards = (known(detection.securityHubStandards) ?? []).filter(
      (s) => s.status === undefined || s.status === 'READY' || s.status === 'INCOMPLETE',
    );
    const missing = WANTED.filter((w) => !standards.some((s) => w.pattern.test(s.arn))).map((w) => w.name);
    if (missing.length > 0)
      return fail(`Security Hub is enabled in ${region.region} but not subscribed to: ${missing.join(', ')}`);
    return pass(
      `Security Hub is enabled in ${region.region} with FSBP and CIS (${standards.length} standard(s) subscribed)`,
    );
  },
});
