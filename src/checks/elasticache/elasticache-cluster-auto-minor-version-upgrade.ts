import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-cluster-auto-minor-version-upgrade',
  aliases: ['ElastiCache.2', 'elasticache_redis_cluster_auto_minor_version_upgrades'],
  service: 'elasticache',
  resource: 'elasticache-cluster',
  severity: 'high',
  title: 'ElastiCache clusters apply minor version upgrades automatically',
  description:
    'Minor engine versions carry security fixes; with `AutoMinorVersionUpgrade` off a cluster keeps running the version it was created with. The check reads `AutoMinorVersionUpgrade` from DescribeCacheClusters and fails when it is false. Security Hub ElastiCache.2 evaluates Redis OSS and Valkey clusters; this check holds Memcached clusters to the same rule, since they get the same fixes the same way.',
  remediation: {
    terraform: `resource "aws_elasticache_cluster" "this" {
  # ... (or aws_elasticache_replication_group)
  auto_minor_version_upgrade = true
}`,
    cli: 'aws elasticache modify-cache-cluster --cache-cluster-id CLUSTER --auto-minor-version-upgrade --region REGION\n# a node cluster of a replication group: aws elasticache modify-replication-group --replication-group-id GROUP --auto-minor-version-upgrade --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > the cache > Modify > Maintenance: Auto upgrade minor versions: Enable > Preview changes > Modify.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2',
  ],
  needs: ['elasticache:DescribeCacheClusters'],
  triggers: ['CreateCacheCluster', 'ModifyCacheCluster', 'CreateReplicationGroup', 'ModifyReplicationGroup'],
  evaluate(cluster) {
    if (cluster.autoMinorVersionUpgrade) return pass(`${cluster.id} applies minor version upgrades automatically`);
    return fail(`${cluster.id} does not apply minor version upgrades automatically`);
  },
});
