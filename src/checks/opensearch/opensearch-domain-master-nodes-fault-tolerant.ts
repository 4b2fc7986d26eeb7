import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-master-nodes-fault-tolerant',
  aliases: ['opensearch_service_domains_fault_tolerant_master_nodes'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'low',
  title: 'OpenSearch domains have at least three dedicated primary nodes',
  description:
    'Dedicated primary (master) nodes keep the cluster state; with fewer than three, losing one leaves no quorum and the domain stops accepting writes, and without dedicated ones the data nodes also carry that load during blue/green changes. The check reads `ClusterConfig` from DescribeDomain and fails when `DedicatedMasterEnabled` is false or `DedicatedMasterCount` is below 3. Security Hub Opensearch.11.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  cluster_config {
    dedicated_master_enabled = true
    dedicated_master_count   = 3
    dedicated_master_type    = "m6g.large.search"
  }
}`,
    cli: "aws opensearch update-domain-config --domain-name DOMAIN --cluster-config 'DedicatedMasterEnabled=true,DedicatedMasterCount=3,DedicatedMasterType=m6g.large.search' --region REGION",
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Edit cluster configuration > Dedicated master nodes: Enable, Number of master nodes 3 > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-11',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const masters = known(domain.config)?.dedicatedMasters ?? 0;
    if (masters >= 3) return pass(`${domain.name} has ${masters} dedicated primary nodes`);
    return fail(
      masters === 0
        ? `${domain.name} has no dedicated primary nodes`
        : `${domain.name} has ${masters} dedicated primary node(s), fewer than 3`,
    );
  },
});
