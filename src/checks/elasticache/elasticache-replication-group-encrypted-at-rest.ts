import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'elasticache-replication-group-encrypted-at-rest',
  aliases: ['ElastiCache.4', 'AVD-AWS-0045', 'elasticache_redis_cluster_rest_encryption_enabled'],
  service: 'elasticache',
  resource: 'elasticache-replication-group',
  severity: 'medium',
  title: 'ElastiCache replication groups are encrypted at rest',
  description:
    'Encryption at rest covers what a group writes to disk: swap, sync files and the backups in S3. The check reads `AtRestEncryptionEnabled` from DescribeReplicationGroups and fails when it is false. It can only be chosen at creation: create an encrypted group from a backup of the old one. Security Hub ElastiCache.4.',
  remediation: {
    terraform: `resource "aws_elasticache_replication_group" "this" {
  # ... (changing this replaces the group: restore it from a snapshot)
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}`,
    cli: 'aws elasticache create-snapshot --replication-group-id GROUP --snapshot-name GROUP-before-encryption --region REGION\naws elasticache create-replication-group --replication-group-id NEW_GROUP --replication-group-description "encrypted" --snapshot-name GROUP-before-encryption --at-rest-encryption-enabled --region REGION',
    console:
      'Amazon ElastiCache console (in the region) > Backups > back up GROUP > Restore > Encryption at rest: Enable > Create; then move clients and delete the old group.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4',
  ],
  needs: ['elasticache:DescribeReplicationGroups'],
  triggers: ['CreateReplicationGroup'],
  evaluate(group) {
    if (group.atRestEncryption)
      return pass(`${group.id} is encrypted at rest${group.kmsKeyId ? ` with ${group.kmsKeyId}` : ''}`);
    return fail(`${group.id} is not encrypted at rest`);
  },
});
