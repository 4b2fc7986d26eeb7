import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon ElastiCache operations answered once per region (each listing's pages concatenated). */
export const ELASTICACHE_LISTINGS = {
  DescribeCacheClusters: z.looseObject({
    CacheClusters: z.array(
      z.looseObject({
        CacheClusterId: z.string(),
        ARN: z.string().optional(),
        // `redis`, `valkey` or `memcached`
        Engine: z.string().optional(),
        EngineVersion: z.string().optional(),
        SnapshotRetentionLimit: z.number().optional(),
        AutoMinorVersionUpgrade: z.boolean().optional(),
        CacheSubnetGroupName: z.string().optional(),
        // set on the node clusters of a replication group
        ReplicationGroupId: z.string().optional(),
      }),
    ),
  }),
  DescribeReplicationGroups: z.looseObject({
    ReplicationGroups: z.array(
      z.looseObject({
        ReplicationGroupId: z.string(),
        ARN: z.string().optional(),
        Engine: z.string().optional(),
        MemberClusters: z.array(z.string()).optional(),
        // `enabled`, `disabled`, `enabling` or `disabling`
        AutomaticFailover: z.string().optional(),
        SnapshotRetentionLimit: z.number().optional(),
        AtRestEncryptionEnabled: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        TransitEncryptionEnabled: z.boolean().optional(),
        // `required`, or `preferred` while clients migrate (plain-text connections still accepted)
        TransitEncryptionMode: z.string().optional(),
        AuthTokenEnabled: z.boolean().optional(),
        UserGroupIds: z.array(z.string()).optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.elasticache`), in the generated snapshot schema. */
export const section = regionalSection(ELASTICACHE_LISTINGS, {});
export type ElasticacheSection = z.infer<typeof section>;
