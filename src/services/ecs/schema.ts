import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon ECS operations answered once per region (pages concatenated). */
export const ECS_LISTINGS = {
  ListClusters: z.looseObject({ clusterArns: z.array(z.string()).optional() }),
  ListTaskDefinitions: z.looseObject({ taskDefinitionArns: z.array(z.string()).optional() }),
} as const;

const container = z.looseObject({
  name: z.string().optional(),
  privileged: z.boolean().optional(),
  readonlyRootFilesystem: z.boolean().optional(),
  environment: z.array(z.looseObject({ name: z.string().optional(), value: z.string().optional() })).optional(),
  secrets: z.array(z.looseObject({ name: z.string().optional(), valueFrom: z.string().optional() })).optional(),
  // absent when the container sends its output nowhere (no log driver)
  logConfiguration: z.looseObject({ logDriver: z.string().optional() }).optional(),
});

/** ECS calls made per cluster (keyed by cluster ARN) and per latest task definition revision (keyed by ARN). */
export const ECS_PER_RESOURCE = {
  DescribeClusters: z.looseObject({
    clusters: z
      .array(
        z.looseObject({
          clusterArn: z.string().optional(),
          clusterName: z.string().optional(),
          status: z.string().optional(),
          // `containerInsights`: enabled, enhanced or disabled; absent when never set (the account default applies)
          settings: z.array(z.looseObject({ name: z.string().optional(), value: z.string().optional() })).optional(),
        }),
      )
      .optional(),
    failures: z.array(z.looseObject({ arn: z.string().optional(), reason: z.string().optional() })).optional(),
  }),
  DescribeTaskDefinition: z.looseObject({
    taskDefinition: z.looseObject({
      taskDefinitionArn: z.string().optional(),
      family: z.string().optional(),
      revision: z.number().optional(),
      // `host` shares the instance's process namespace with the containers; absent = each task has its own
      pidMode: z.string().optional(),
      containerDefinitions: z.array(container).optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.ecs`), in the generated snapshot schema. */
export const section = regionalSection(ECS_LISTINGS, ECS_PER_RESOURCE);
export type EcsSection = z.infer<typeof section>;
