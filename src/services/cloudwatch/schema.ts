import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const metric = z.looseObject({ MetricName: z.string().optional(), Namespace: z.string().optional() });

/** CloudWatch operations answered once per region (DescribeAlarms holds every page's metric alarms). */
export const CLOUDWATCH_LISTINGS = {
  DescribeAlarms: z.looseObject({
    MetricAlarms: z.array(
      z.looseObject({
        AlarmName: z.string().optional(),
        AlarmArn: z.string().optional(),
        ActionsEnabled: z.boolean().optional(),
        AlarmActions: z.array(z.string()).optional(),
        MetricName: z.string().optional(),
        Namespace: z.string().optional(),
        // an alarm on a metric math expression names its metrics here instead
        Metrics: z.array(z.looseObject({ MetricStat: z.looseObject({ Metric: metric }).optional() })).optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.cloudwatch`), in the generated snapshot schema. */
export const section = regionalSection(CLOUDWATCH_LISTINGS, {});
export type CloudWatchSection = z.infer<typeof section>;
