import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon Redshift operations answered once per region (DescribeClusters pages concatenated). */
export const REDSHIFT_LISTINGS = {
  DescribeClusters: z.looseObject({
    Clusters: z.array(
      z.looseObject({
        ClusterIdentifier: z.string(),
        MasterUsername: z.string().optional(),
        PubliclyAccessible: z.boolean().optional(),
        Encrypted: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        EnhancedVpcRouting: z.boolean().optional(),
        AllowVersionUpgrade: z.boolean().optional(),
        // days; 0 turns automated snapshots off
        AutomatedSnapshotRetentionPeriod: z.number().optional(),
        ClusterParameterGroups: z
          .array(
            z.looseObject({
              ParameterGroupName: z.string().optional(),
              // `in-sync`, or `pending-reboot` when a static parameter change waits for a reboot
              ParameterApplyStatus: z.string().optional(),
            }),
          )
          .optional(),
        VpcId: z.string().optional(),
      }),
    ),
  }),
} as const;

/** Redshift calls made per cluster (keyed by cluster identifier) or per parameter group (keyed by group name). */
export const REDSHIFT_PER_RESOURCE = {
  DescribeLoggingStatus: z.looseObject({
    LoggingEnabled: z.boolean().optional(),
    BucketName: z.string().optional(),
    S3KeyPrefix: z.string().optional(),
    // `s3` or `cloudwatch`
    LogDestinationType: z.string().optional(),
    LogExports: z.array(z.string()).optional(),
  }),
  DescribeClusterParameters: z.looseObject({
    Parameters: z.array(
      z.looseObject({
        ParameterName: z.string().optional(),
        ParameterValue: z.string().optional(),
        Source: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.redshift`), in the generated snapshot schema. */
export const section = regionalSection(REDSHIFT_LISTINGS, REDSHIFT_PER_RESOURCE);
export type RedshiftSection = z.infer<typeof section>;
