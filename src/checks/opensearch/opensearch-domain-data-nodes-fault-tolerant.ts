import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-data-nodes-fault-tolerant',
  aliases: ['Opensearch.6', 'opensearch_service_domains_fault_tolerant_data_nodes'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains have at least three data nodes across Availability Zones',
  description:
    'With fewer than three data nodes, or all of them in one Availability Zone, losing one node or one zone makes shards unavailable and can lose writes: a denial of service nobody has to attack for. The check reads `ClusterConfig` from DescribeDomain and fails when `InstanceCount` is below 3 or `ZoneAwarenessEnabled` is false. Security Hub Opensearch.6.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  cluster_config {
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
  # a VPC domain needs one subnet per zone in vpc_options
}`,
    cli: "aws opensearch update-domain-config --domain-name DOMAIN --cluster-config 'InstanceCount=3,ZoneAwarenessEnabled=true,ZoneAwarenessConfig={AvailabilityZoneCount=3}' --region REGION",
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Edit cluster configuration > Data nodes: Availability Zones 2 or 3, Number of nodes 3 or more > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-6',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const config = known(domain.config);
    const nodes = config?.dataNodes ?? 0;
    const zones = config?.zoneAwareness === true;
    const shape = `${nodes} data node(s), zone awareness ${zones ? 'on' : 'off'}`;
    if (nodes >= 3 && zones) return pass(`${domain.name} has ${shape}`);
    return fail(`${domain.name} has ${shape}: it needs at least 3 data nodes with zone awareness`);
  },
});
