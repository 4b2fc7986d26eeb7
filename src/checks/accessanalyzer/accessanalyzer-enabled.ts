import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** External access analyzers; the unused/internal access kinds do not find resources shared outside. */
const EXTERNAL = new Set(['ACCOUNT', 'ORGANIZATION']);

export default defineCheck({
  id: 'accessanalyzer-enabled',
  aliases: ['IAM.28', 'AVD-AWS-0175'],
  service: 'accessanalyzer',
  resource: 'region',
  severity: 'low',
  title: 'IAM Access Analyzer (external access) is active in the region',
  description:
    'An external access analyzer finds buckets, roles, KMS keys, queues and other resources whose policies share them outside the account or organization. Analyzers are regional: CIS 1.20 asks for an active ACCOUNT or ORGANIZATION analyzer in every enabled region.',
  remediation: {
    terraform: `resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
  type          = "ACCOUNT" # or ORGANIZATION in the delegated administrator account
}`,
    cli: 'aws accessanalyzer create-analyzer --analyzer-name account --type ACCOUNT --region REGION',
    console:
      'IAM console (in the region) > Access analyzer > Analyzer settings > Create analyzer > External access analysis, zone of trust: current account (or organization) > Create analyzer.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-28',
  ],
  needs: ['accessanalyzer:ListAnalyzers'],
  triggers: ['CreateAnalyzer', 'DeleteAnalyzer'],
  evaluate(region, { state }) {
    const analyzers = known(state.detection.regions[region.region]!.accessAnalyzers) ?? [];
    const active = analyzers.find((a) => EXTERNAL.has(a.type) && a.status === 'ACTIVE');
    if (active) return pass(`${active.type} analyzer ${active.name} is active in ${region.region}`);
    if (analyzers.length === 0) return fail(`no IAM Access Analyzer in ${region.region}`);
    return fail(
      `no active external access analyzer in ${region.region} (found: ${analyzers.map((a) => `${a.name} ${a.type} ${a.status}`).join(', ')})`,
    );
  },
});
