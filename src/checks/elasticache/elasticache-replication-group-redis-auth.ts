import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

/** Redis OSS 6.0 brought users and ACLs (ElastiCache RBAC); below it, AUTH is the only password. */
const RBAC_MAJOR = 6;

export default defineCheck({
  id: 'elasticache-replication-group-redis-auth',
  aliases: ['ElastiCache.6', 'elasticache_redis_replication_group_auth_enabled'],
  service: 'elasticache',
  resource: 'elasticache-replication-group',
  severity: 'medium',
  title: 'ElastiCache (Redis OSS) replication groups before version 6 use Redis AUTH',
  description: `Before Redis OSS ${RBAC_MAJOR}.0 there are no users: anyone who reaches the port can read and write everything unless the group requires an AUTH token. The check reads \`AuthTokenEnabled\` from DescribeReplicationGroups and the engine version of the group's nodes from DescribeCacheClusters, and fails a group below ${RBAC_MAJOR}.0 without AUTH. From ${RBAC_MAJOR}.0, and on Valkey, access is controlled with RBAC user groups instead, so the control does not apply. Security Hub ElastiCache.6.`,
  remediation: {
    terraform: `resource "aws_elasticache_replication_group" "this" {
  # ... (AUTH needs encryption in transit)
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
}`,
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --auth-token TOKEN --auth-token-update-strategy ROTATE --apply-immediately --region REGION\n# or upgrade to Redis OSS 6+ / Valkey and attach an RBAC user group (--user-group-ids-to-add)',
    console:
      'Amazon ElastiCache console (in the region) > Redis OSS caches > GROUP > Modify > Security: Access control: Redis OSS AUTH default user access, with a token > Preview changes > Modify (or upgrade the engine and use user group access control).',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6',
  ],
  needs: ['elasticache:DescribeReplicationGroups'],
  triggers: ['CreateReplicationGroup', 'ModifyReplicationGroup'],
  evaluate(group) {
    if (group.engine === 'valkey') return pass(`${group.id} runs Valkey, which controls access with RBAC user groups`);
    if (group.engineVersion.kind !== 'present')
      return inconclusive(
        `${group.id}: the engine version of its nodes is unknown`,
        unreadableReason(group.engineVersion) ?? 'no answer',
      );
    const version = group.engineVersion.value;
    const major = version === undefined ? Number.NaN : Number.parseInt(version, 10);
    if (Number.isNaN(major))
      return inconclusive(
        `${group.id}: the engine version of its nodes is unknown`,
        'no node cluster of the group was listed',
      );
    if (major >= RBAC_MAJOR)
      return pass(`${group.id} runs Redis OSS ${version}, where access is controlled with RBAC user groups`);
    if (group.authToken) return pass(`${group.id} runs Redis OSS ${version} and requires an AUTH token`);
    return fail(`${group.id} runs Redis OSS ${version} without an AUTH token`);
  },
});
