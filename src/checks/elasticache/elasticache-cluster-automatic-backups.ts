import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-cluster-automatic-backups',
  aliases: ['ElastiCache.1', 'AVD-AWS-0050'],
  service: 'elasticache',
  resource: 'elasticache-cluster',
  severity: 'high',
  title: 'Standalone ElastiCache (Redis OSS, Valkey) clusters have automatic backups',
  description:
    "A cache that holds data of record (sessions, queues, leaderboards) is lost with its node unless ElastiCache takes daily snapshots. The check reads `SnapshotRetentionLimit` from DescribeCacheClusters and fails a Redis OSS or Valkey cluster with 0 (backups off). A node cluster of a replication group is judged by elasticache-replication-group-automatic-backups, which reads the group's own limit; Memcached keeps no backups. Security Hub ElastiCache.1.",
  remediation: {
    terraform: `resource "aws_elasticache_cluster" "this" {
  # ... (engine = "redis" or "valkey")
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
}`,
    cli: 'aws elasticache modify-cache-cluster --cache-cluster-id CLUSTER --snapshot-retention-limit 7 --apply-immediately --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > Redis OSS or Valkey caches > CLUSTER > Modify > Backup: Enable automatic backups, retention period 7 days > Preview changes > Apply immediately > Modify.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1',
  ],
  needs: ['elasticache:DescribeCacheClusters'],
  triggers: ['CreateCacheCluster', 'ModifyCacheCluster'],
  evaluate(cluster) {
    if (cluster.engine === 'memcached') return pass(`${cluster.id} runs Memcached, which keeps no backups`);
    if (cluster.replicationGroupId !== undefined)
      return pass(
        `${cluster.id} belongs to replication group ${cluster.replicationGroupId}, whose backups elasticache-replication-group-automatic-backups judges`,
      );
    const days = cluster.snapshotRetentionDays ?? 0;
    if (days < 1) return fail(`${cluster.id} has automatic backups turned off (snapshot retention 0 days)`);
    return pass(`${cluster.id} keeps automatic backups for ${days} day(s)`);
  },
});
