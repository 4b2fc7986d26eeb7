import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-replication-group-automatic-backups',
  aliases: ['ElastiCache.1', 'elasticache_redis_cluster_backup_enabled'],
  service: 'elasticache',
  resource: 'elasticache-replication-group',
  severity: 'high',
  title: 'ElastiCache (Redis OSS, Valkey) replication groups have automatic backups',
  description:
    "Replicas protect against a failed node, not against a FLUSHALL, a bad deploy or a deleted group; only snapshots do. The check reads the group's `SnapshotRetentionLimit` from DescribeReplicationGroups and fails when it is 0 (automatic backups off). Security Hub ElastiCache.1.",
  remediation: {
    terraform: `resource "aws_elasticache_replication_group" "this" {
  # ...
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
}`,
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --snapshot-retention-limit 7 --apply-immediately --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > Redis OSS or Valkey caches > GROUP > Modify > Backup: Enable automatic backups, retention period 7 days > Preview changes > Apply immediately > Modify.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1',
  ],
  needs: ['elasticache:DescribeReplicationGroups'],
  triggers: ['CreateReplicationGroup', 'ModifyReplicationGroup'],
  evaluate(group) {
    const days = group.snapshotRetentionDays ?? 0;
    if (days < 1) return fail(`${group.id} has automatic backups turned off (snapshot retention 0 days)`);
    return pass(`${group.id} keeps automatic backups for ${days} day(s)`);
  },
});
