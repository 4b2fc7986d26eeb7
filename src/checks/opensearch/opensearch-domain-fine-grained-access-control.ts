import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-fine-grained-access-control',
  aliases: ['Opensearch.7', 'opensearch_service_domains_access_control_enabled'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'high',
  title: 'OpenSearch domains use fine-grained access control',
  description:
    'Without fine-grained access control the domain access policy is all there is: whoever it lets in can read and change every index. Fine-grained access control adds roles down to index, document and field, and is what audit logs need. The check reads `AdvancedSecurityOptions.Enabled` from DescribeDomain and fails when it is false. Security Hub Opensearch.7.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ... (needs encrypt_at_rest, node_to_node_encryption and enforce_https)
  advanced_security_options {
    enabled                        = true
    anonymous_auth_enabled         = false
    internal_user_database_enabled = false
    master_user_options {
      master_user_arn = aws_iam_role.opensearch_admin.arn
    }
  }
}`,
    cli: "aws opensearch update-domain-config --domain-name DOMAIN --advanced-security-options 'Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=ROLE_ARN}' --region REGION",
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Security configuration > Edit > Enable fine-grained access control > a master user (an IAM ARN) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-7',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    if (known(domain.config)?.fineGrainedAccessControl === true)
      return pass(`${domain.name} has fine-grained access control enabled`);
    return fail(
      `${domain.name} has no fine-grained access control: its access policy alone decides who reads every index`,
    );
  },
});
