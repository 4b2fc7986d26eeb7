import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-replication-group-encrypted-in-transit',
  aliases: ['ElastiCache.5', 'AVD-AWS-0051', 'elasticache_redis_cluster_in_transit_encryption_enabled'],
  service: 'elasticache',
  resource: 'elasticache-replication-group',
  severity: 'medium',
  title: 'ElastiCache replication groups require encryption in transit',
  description:
    'Without TLS, cached values, commands and AUTH tokens cross the VPC in plain text. The check reads `TransitEncryptionEnabled` and `TransitEncryptionMode` from DescribeReplicationGroups and fails unless TLS is on and not in `preferred` mode, which still accepts plain-text clients while they migrate (Security Hub ElastiCache.5 reads only `TransitEncryptionEnabled`).',
  remediation: {
    terraform: `resource "aws_elasticache_replication_group" "this" {
  # ...
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}`,
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately --region REGION\n# once every client uses TLS:\naws elasticache modify-replication-group --replication-group-id GROUP --transit-encryption-mode required --apply-immediately --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > Redis OSS or Valkey caches > GROUP > Modify > Security: Encryption in transit: Enable, mode Preferred; move clients to TLS, then Modify again with mode Required.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5',
  ],
  needs: ['elasticache:DescribeReplicationGroups'],
  triggers: ['CreateReplicationGroup', 'ModifyReplicationGroup'],
  evaluate(group) {
    if (!group.transitEncryption) return fail(`${group.id} does not encrypt traffic in transit`);
    if (group.transitEncryptionMode === 'preferred')
      return fail(`${group.id} still accepts plain-text connections (TransitEncryptionMode preferred)`);
    return pass(`${group.id} requires TLS`);
  },
});
