import { z } from 'zod';

/**
 * DB clusters as the RDS API lists them: Aurora and Multi-AZ DB clusters (RDS), and Amazon DocumentDB and Amazon
 * Neptune clusters (their own SDKs call `rds:DescribeDBClusters` with an engine filter), so each service's folder
 * declares the same listing; the response schema is shared here, the model side in db-clusters.ts.
 */
export const DB_CLUSTERS_LISTINGS = {
  DescribeDBClusters: z.looseObject({
    DBClusters: z.array(
      z.looseObject({
        DBClusterIdentifier: z.string(),
        DBClusterArn: z.string().optional(),
        Engine: z.string().optional(),
        Status: z.string().optional(),
        StorageEncrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        BackupRetentionPeriod: z.number().optional(),
        EnabledCloudwatchLogsExports: z.array(z.string()).optional(),
        DeletionProtection: z.boolean().optional(),
        IAMDatabaseAuthenticationEnabled: z.boolean().optional(),
        MultiAZ: z.boolean().optional(),
        CopyTagsToSnapshot: z.boolean().optional(),
        MasterUsername: z.string().optional(),
        /** seconds Aurora MySQL can rewind the cluster; absent or 0 when backtracking is off */
        BacktrackWindow: z.number().optional(),
        /** reported for Multi-AZ DB clusters and, since 2024, Aurora clusters */
        AutoMinorVersionUpgrade: z.boolean().optional(),
      }),
    ),
  }),
} as const;
