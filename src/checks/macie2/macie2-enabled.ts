import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'macie2-enabled',
  aliases: ['Macie.1'],
  service: 'macie2',
  resource: 'region',
  severity: 'medium',
  title: 'Amazon Macie is enabled in the region',
  description:
    'Macie keeps an inventory of the S3 buckets of a region, reports which are public, shared or unencrypted, and discovers sensitive data (personal data, credentials) in objects. GetMacieSession answers AccessDeniedException "Macie is not enabled" in a region where it is off; a PAUSED session does not evaluate anything either.',
  remediation: {
    terraform: `resource "aws_macie2_account" "this" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  status                       = "ENABLED"
}`,
    cli: 'aws macie2 enable-macie --region REGION\n# a paused session: aws macie2 update-macie-session --status ENABLED --region REGION',
    console: 'Amazon Macie console (in the region) > Get started > Enable Macie.',
  },
  references: [
    'https://docs.aws.amazon.com/macie/latest/user/getting-started.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-1',
  ],
  needs: ['macie2:GetMacieSession'],
  triggers: ['EnableMacie', 'DisableMacie', 'UpdateMacieSession'],
  evaluate(region, { state }) {
    const session = known(state.detection.regions[region.region]!.macie);
    if (session === null) return fail(`Macie is not enabled in ${region.region}`);
    if (session.status !== 'ENABLED')
      return fail(`the Macie session of ${region.region} is ${session.status ?? 'of unknown status'}`);
    return pass(`Macie is enabled in ${region.region}`);
  },
});
