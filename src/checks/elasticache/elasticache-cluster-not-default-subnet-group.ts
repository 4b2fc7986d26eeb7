import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-cluster-not-default-subnet-group',
  aliases: ['ElastiCache.7'],
  service: 'elasticache',
  resource: 'elasticache-cluster',
  severity: 'high',
  title: 'ElastiCache clusters do not use the default subnet group',
  description:
    "The `default` subnet group is made of the default VPC's subnets, which are public: they route to an internet gateway and give instances public addresses. A cache belongs in private subnets chosen on purpose. The check reads `CacheSubnetGroupName` from DescribeCacheClusters and fails when it is `default`. The subnet group of a cluster cannot be changed: create the cache again in a custom subnet group (from a backup). Security Hub ElastiCache.7.",
  remediation: {
    terraform: `resource "aws_elasticache_subnet_group" "private" {
  name       = "cache-private"
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "this" {
  # ... (changing this replaces the cache)
  subnet_group_name = aws_elasticache_subnet_group.private.name
}`,
    cli: 'aws elasticache create-cache-subnet-group --cache-subnet-group-name cache-private --cache-subnet-group-description "private subnets" --subnet-ids SUBNET_A SUBNET_B --region REGION\n# then create the cache again with --cache-subnet-group-name cache-private (restore it from a snapshot)',
    console:
      'Amazon ElastiCache console (in the region) > Subnet groups > Create subnet group (private subnets); then create the cache again with that subnet group, restoring a backup of the old one.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-7',
  ],
  needs: ['elasticache:DescribeCacheClusters'],
  triggers: ['CreateCacheCluster', 'CreateReplicationGroup'],
  evaluate(cluster) {
    if (cluster.subnetGroup === 'default') return fail(`${cluster.id} uses the default subnet group`);
    if (cluster.subnetGroup === undefined) return fail(`${cluster.id} has no subnet group (not in a VPC)`);
    return pass(`${cluster.id} uses the subnet group ${cluster.subnetGroup}`);
  },
});
