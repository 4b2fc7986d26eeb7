import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { ElasticacheSection } from './schema.ts';

/** A cache cluster (a node cluster of a replication group, or a standalone one), ARN `…:cluster:<id>`. */
export interface ElasticacheCluster {
  kind: 'elasticache-cluster';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  engine: string | undefined;
  engineVersion: string | undefined;
  snapshotRetentionDays: number | undefined;
  autoMinorVersionUpgrade: boolean;
  subnetGroup: string | undefined;
  replicationGroupId: string | undefined;
}

/** A Redis OSS or Valkey replication group, ARN `…:replicationgroup:<id>`. */
export interface ElasticacheReplicationGroup {
  kind: 'elasticache-replication-group';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  engine: string | undefined;
  automaticFailover: string | undefined;
  snapshotRetentionDays: number | undefined;
  atRestEncryption: boolean;
  kmsKeyId: string | undefined;
  transitEncryption: boolean;
  transitEncryptionMode: string | undefined;
  authToken: boolean;
  userGroupIds: string[];
  /**
   * The engine version of its node clusters, from DescribeCacheClusters (DescribeReplicationGroups does not say it):
   * an error when that listing failed, undefined when no member was listed.
   */
  engineVersion: Observed<string | undefined>;
}

export interface ElasticacheState {
  clusters: ElasticacheCluster[];
  replicationGroups: ElasticacheReplicationGroup[];
}

/** The clusters and replication groups of every region; a failed listing is a gap for the kind it lists. */
function normaliseElasticache(
  section: ElasticacheSection,
  context: NormaliseContext,
): { state: ElasticacheState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: ElasticacheState = { clusters: [], replicationGroups: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const clusters = listing(
      entry.DescribeCacheClusters,
      { operation: 'elasticache:DescribeCacheClusters', region },
      [context.hidden('elasticache-cluster', region)],
      gaps,
      (r) =>
        r.CacheClusters.map((c): ElasticacheCluster => ({
          kind: 'elasticache-cluster',
          arn: c.ARN ?? context.arn('elasticache-cluster', region, c.CacheClusterId),
          region,
          accountId: context.accountId,
          id: c.CacheClusterId,
          engine: c.Engine,
          engineVersion: c.EngineVersion,
          snapshotRetentionDays: c.SnapshotRetentionLimit,
          autoMinorVersionUpgrade: c.AutoMinorVersionUpgrade === true,
          subnetGroup: c.CacheSubnetGroupName,
          replicationGroupId: c.ReplicationGroupId,
        })),
    );
    appendAll(state.clusters, clusters.items);
    const versionOf = (members: readonly string[]): Observed<string | undefined> => {
      if (clusters.observed.kind !== 'present') return clusters.observed;
      return present(clusters.items.find((c) => members.includes(c.id) && c.engineVersion)?.engineVersion);
    };
    const groups = listing(
      entry.DescribeReplicationGroups,
      { operation: 'elasticache:DescribeReplicationGroups', region },
      [context.hidden('elasticache-replication-group', region)],
      gaps,
      (r) =>
        r.ReplicationGroups.map((g): ElasticacheReplicationGroup => ({
          kind: 'elasticache-replication-group',
          arn: g.ARN ?? context.arn('elasticache-replication-group', region, g.ReplicationGroupId),
          region,
          accountId: context.accountId,
          id: g.ReplicationGroupId,
          engine: g.Engine,
          automaticFailover: g.AutomaticFailover,
          snapshotRetentionDays: g.SnapshotRetentionLimit,
          atRestEncryption: g.AtRestEncryptionEnabled === true,
          kmsKeyId: g.KmsKeyId,
          transitEncryption: g.TransitEncryptionEnabled === true,
          transitEncryptionMode: g.TransitEncryptionMode,
          authToken: g.AuthTokenEnabled === true,
          userGroupIds: g.UserGroupIds ?? [],
          engineVersion: versionOf(g.MemberClusters ?? []),
        })),
    );
    appendAll(state.replicationGroups, groups.items);
  }
  return { state, gaps };
}

/** Amazon ElastiCache in the account state: `state.elasticache` (cache clusters and replication groups). */
export default defineServiceState({
  sections: ['elasticache'],
  normalise: (snapshot, context) => normaliseElasticache(snapshot.elasticache ?? {}, context),
  resources: {
    'elasticache-cluster': {
      securityHubType: 'AwsElastiCacheCacheCluster',
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:elasticache:${region}:${accountId}:cluster:${id}`,
      of: (state: ElasticacheState) => state.clusters,
    },
    'elasticache-replication-group': {
      securityHubType: 'AwsElastiCacheReplicationGroup',
      arn: ({ partition, region, accountId, id }) =>
        `arn:${partition}:elasticache:${region}:${accountId}:replicationgroup:${id}`,
      of: (state: ElasticacheState) => state.replicationGroups,
    },
  },
  operations: {
    'elasticache:DescribeCacheClusters': {
      scope: 'elasticache-cluster',
      read: (_s: ElasticacheState, c: ElasticacheCluster) => present(c),
    },
    'elasticache:DescribeReplicationGroups': {
      scope: 'elasticache-replication-group',
      read: (_s: ElasticacheState, g: ElasticacheReplicationGroup) => present(g),
    },
  },
});
