import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-encrypted-at-rest',
  aliases: ['Opensearch.1', 'AVD-AWS-0048', 'opensearch_service_domains_encryption_at_rest_enabled'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains encrypt data at rest',
  description:
    "Encryption at rest covers the domain's indices, logs, swap and automated snapshots with a KMS key. The check reads `EncryptionAtRestOptions.Enabled` from DescribeDomain and fails when it is off. Security Hub Opensearch.1.",
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  encrypt_at_rest {
    enabled = true
  }
}`,
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --encryption-at-rest-options Enabled=true --region REGION',
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Edit security configuration > Enable encryption of data at rest > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const config = known(domain.config);
    if (config?.encryptedAtRest)
      return pass(`${domain.name} encrypts its data at rest${config.kmsKeyId ? ` with ${config.kmsKeyId}` : ''}`);
    return fail(`${domain.name} stores its data unencrypted at rest`);
  },
});
