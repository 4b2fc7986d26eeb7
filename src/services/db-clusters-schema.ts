import { z } from 'zod';

/**
 * Amazon DocumentDB and Amazon Neptune clusters: both are managed through the RDS API (their own SDKs call
 * `rds:DescribeDBClusters` with an engine filter), so each service's folder declares the same listing filtered to
 * its engine; the response schema is shared here, the model side in db-clusters.ts.
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
      }),
    ),
  }),
} as const;
