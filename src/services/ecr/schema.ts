import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon ECR operations answered once per region (camelCase, as the SDK returns them). */
export const ECR_LISTINGS = {
  DescribeRepositories: z.looseObject({
    repositories: z.array(
      z.looseObject({
        repositoryArn: z.string().optional(),
        repositoryName: z.string(),
        imageScanningConfiguration: z.looseObject({ scanOnPush: z.boolean().optional() }).optional(),
        /** `MUTABLE`, `IMMUTABLE`, or either `_WITH_EXCLUSION` (tags matching a filter keep the other behaviour) */
        imageTagMutability: z.string().optional(),
      }),
    ),
  }),
  GetRegistryScanningConfiguration: z.looseObject({
    scanningConfiguration: z
      .looseObject({
        scanType: z.string().optional(),
        rules: z
          .array(
            z.looseObject({
              scanFrequency: z.string().optional(),
              repositoryFilters: z
                .array(z.looseObject({ filter: z.string(), filterType: z.string().optional() }))
                .optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.ecr`), in the generated snapshot schema. */
export const section = regionalSection(ECR_LISTINGS, {});
export type EcrSection = z.infer<typeof section>;
