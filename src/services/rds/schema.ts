import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon RDS operations answered once per region (DescribeDBInstances pages concatenated). */
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
} as const;

/** The snapshot section (`snapshot.rds`), in the generated snapshot schema. */
export const section = regionalSection(RDS_LISTINGS, {});
export type RdsSection = z.infer<typeof section>;
