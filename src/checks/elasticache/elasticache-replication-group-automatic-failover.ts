import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-replication-group-automatic-failover',
  aliases: ['ElastiCache.3', 'elasticache_redis_cluster_automatic_failover_enabled'],
  service: 'elasticache',
  resource: 'elasticache-replication-group',
  severity: 'medium',
  title: 'ElastiCache replication groups fail over automatically',
  description:
    'With automatic failover, ElastiCache promotes a replica when the primary fails, in seconds; without it the group stays unwritable until someone acts. The check reads `AutomaticFailover` from DescribeReplicationGroups and fails unless it is `enabled` (`enabling` is still on its way). Automatic failover needs at least one replica per shard. Security Hub ElastiCache.3.',
  remediation: {
    terraform: `resource "aws_elasticache_replication_group" "this" {
  # ... (at least one replica per shard)
  automatic_failover_enabled = true
  multi_az_enabled           = true
}`,
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --automatic-failover-enabled --multi-az-enabled --apply-immediately --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > Redis OSS or Valkey caches > GROUP > Modify > Auto-failover: Enable (and Multi-AZ) > Preview changes > Apply immediately > Modify.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3',
  ],
  needs: ['elasticache:DescribeReplicationGroups'],
  triggers: ['CreateReplicationGroup', 'ModifyReplicationGroup', 'DecreaseReplicaCount'],
  evaluate(group) {
    if (group.automaticFailover === 'enabled') return pass(`${group.id} fails over automatically`);
    return fail(
      `${group.id} does not fail over automatically (AutomaticFailover ${group.automaticFailover ?? 'not given'})`,
    );
  },
});
