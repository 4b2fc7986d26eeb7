import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';
import { DB_CLUSTERS_LISTINGS } from '../db-clusters-schema.ts';

/** One `{ AttributeName, AttributeValues }` of a snapshot: `restore` lists the accounts allowed to copy or restore it. */
const snapshotAttribute = z.looseObject({
  AttributeName: z.string().optional(),
  AttributeValues: z.array(z.string()).optional(),
});

/** Amazon RDS operations answered once per region (pages concatenated). */
export const RDS_LISTINGS = {
  DescribeDBInstances: z.looseObject({
    DBInstances: z.array(
      z.looseObject({
        DBInstanceIdentifier: z.string(),
        DBInstanceArn: z.string().optional(),
        Engine: z.string().optional(),
        DBClusterIdentifier: z.string().optional(),
        PubliclyAccessible: z.boolean().optional(),
        StorageEncrypted: z.boolean().optional(),
        AutoMinorVersionUpgrade: z.boolean().optional(),
        MultiAZ: z.boolean().optional(),
        DeletionProtection: z.boolean().optional(),
        BackupRetentionPeriod: z.number().optional(),
        /** seconds between Enhanced Monitoring samples; 0 turns it off */
        MonitoringInterval: z.number().optional(),
        EnabledCloudwatchLogsExports: z.array(z.string()).optional(),
        IAMDatabaseAuthenticationEnabled: z.boolean().optional(),
        CopyTagsToSnapshot: z.boolean().optional(),
      }),
    ),
  }),
  /** every cluster of the region, unfiltered: DocumentDB's and Neptune's are left to those services */
  DescribeDBClusters: DB_CLUSTERS_LISTINGS.DescribeDBClusters,
  /** the account's own manual and automated DB snapshots (shared and public ones of others are not asked for) */
  DescribeDBSnapshots: z.looseObject({
    DBSnapshots: z.array(
      z.looseObject({
        DBSnapshotIdentifier: z.string(),
        DBInstanceIdentifier: z.string().optional(),
        DBSnapshotArn: z.string().optional(),
        SnapshotType: z.string().optional(),
        Engine: z.string().optional(),
        Encrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        Status: z.string().optional(),
      }),
    ),
  }),
  /** the account's own manual and automated cluster snapshots, every engine of the RDS API */
  DescribeDBClusterSnapshots: z.looseObject({
    DBClusterSnapshots: z.array(
      z.looseObject({
        DBClusterSnapshotIdentifier: z.string(),
        DBClusterIdentifier: z.string().optional(),
        DBClusterSnapshotArn: z.string().optional(),
        SnapshotType: z.string().optional(),
        Engine: z.string().optional(),
        StorageEncrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        Status: z.string().optional(),
      }),
    ),
  }),
} as const;

/** Per-snapshot calls, keyed by snapshot identifier (manual snapshots only: automated ones cannot be shared). */
export const RDS_PER_RESOURCE = {
  DescribeDBSnapshotAttributes: z.looseObject({
    DBSnapshotAttributesResult: z.looseObject({
      DBSnapshotIdentifier: z.string().optional(),
      DBSnapshotAttributes: z.array(snapshotAttribute).optional(),
    }),
  }),
  DescribeDBClusterSnapshotAttributes: z.looseObject({
    DBClusterSnapshotAttributesResult: z.looseObject({
      DBClusterSnapshotIdentifier: z.string().optional(),
      DBClusterSnapshotAttributes: z.array(snapshotAttribute).optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.rds`), in the generated snapshot schema. */
export const section = regionalSection(RDS_LISTINGS, RDS_PER_RESOURCE);
export type RdsSection = z.infer<typeof section>;
