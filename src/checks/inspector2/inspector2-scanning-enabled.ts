import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

const SCANS = [
  ['ec2', 'EC2'],
  ['ecr', 'ECR'],
  ['lambda', 'Lambda'],
] as const;

export default defineCheck({
  id: 'inspector2-scanning-enabled',
  aliases: ['Inspector.1', 'Inspector.2', 'Inspector.4'],
  service: 'inspector2',
  resource: 'region',
  severity: 'medium',
  title: 'Amazon Inspector scans EC2, ECR and Lambda in the region',
  description:
    'Amazon Inspector finds known vulnerabilities (CVEs) and network exposure in EC2 instances, ECR container images and Lambda functions, continuously. Each scan type is switched on per region; seed 004 turns on all three. FSBP Inspector.1 (EC2), Inspector.2 (ECR) and Inspector.4 (Lambda standard scanning) check each one; Lambda code scanning (Inspector.3) is reported in the evidence but not required.',
  remediation: {
    terraform: `resource "aws_inspector2_enabler" "this" {
  account_ids    = [data.aws_caller_identity.current.account_id]
  resource_types = ["EC2", "ECR", "LAMBDA"]
}`,
    cli: 'aws inspector2 enable --resource-types EC2 ECR LAMBDA --region REGION',
    console:
      'Amazon Inspector console (in the region) > Get started > Activate Inspector; then Account management > select the account > Activate > EC2, ECR and Lambda standard scanning.',
  },
  references: [
    'https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html',
  ],
  needs: ['inspector2:BatchGetAccountStatus'],
  triggers: ['Enable', 'Disable'],
  evaluate(region, { state }) {
    const status = known(state.detection.regions[region.region]!.inspector) ?? {};
    const off = SCANS.filter(([key]) => status[key] !== 'ENABLED').map(
      ([key, name]) => `${name} (${status[key] ?? 'DISABLED'})`,
    );
    if (off.length > 0) return fail(`Amazon Inspector in ${region.region} does not scan ${off.join(', ')}`);
    return pass(`Amazon Inspector scans EC2, ECR and Lambda in ${region.region}`);
  },
});
