import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon EKS operations answered once per region (ListClusters pages concatenated: cluster names). */
export const EKS_LISTINGS = {
  ListClusters: z.looseObject({ clusters: z.array(z.string()).optional() }),
} as const;

/** EKS calls made per cluster, keyed by cluster name. */
export const EKS_PER_RESOURCE = {
  DescribeCluster: z.looseObject({
    cluster: z.looseObject({
      name: z.string().optional(),
      arn: z.string().optional(),
      version: z.string().optional(),
      resourcesVpcConfig: z
        .looseObject({
          endpointPublicAccess: z.boolean().optional(),
          endpointPrivateAccess: z.boolean().optional(),
          publicAccessCidrs: z.array(z.string()).optional(),
        })
        .optional(),
      // absent when Kubernetes secrets are not envelope-encrypted with a KMS key
      encryptionConfig: z
        .array(
          z.looseObject({
            resources: z.array(z.string()).optional(),
            provider: z.looseObject({ keyArn: z.string().optional() }).optional(),
          }),
        )
        .optional(),
      logging: z
        .looseObject({
          clusterLogging: z
            .array(z.looseObject({ types: z.array(z.string()).optional(), enabled: z.boolean().optional() }))
            .optional(),
        })
        .optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.eks`), in the generated snapshot schema. */
export const section = regionalSection(EKS_LISTINGS, EKS_PER_RESOURCE);
export type EksSection = z.infer<typeof section>;
