import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-node-to-node-encryption',
  aliases: ['Opensearch.3', 'AVD-AWS-0043', 'opensearch_service_domains_node_to_node_encryption_enabled'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains encrypt traffic between nodes',
  description:
    "Node-to-node encryption puts TLS on the traffic inside the cluster, so documents and queries are not readable by whoever can capture traffic in the domain's network. The check reads `NodeToNodeEncryptionOptions.Enabled` from DescribeDomain and fails when it is off. Security Hub Opensearch.3.",
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  node_to_node_encryption {
    enabled = true
  }
}`,
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --node-to-node-encryption-options Enabled=true --region REGION',
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Edit security configuration > Node-to-node encryption > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-3',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    if (known(domain.config)?.nodeToNodeEncryption) return pass(`${domain.name} encrypts traffic between its nodes`);
    return fail(`${domain.name} sends traffic between its nodes unencrypted`);
  },
});
