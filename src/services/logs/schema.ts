import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** CloudWatch Logs operations answered once per region (DescribeMetricFilters holds every page's filters). */
export const LOGS_LISTINGS = {
  DescribeMetricFilters: z.looseObject({
    metricFilters: z.array(
      z.looseObject({
        filterName: z.string().optional(),
        // absent when the filter matches every event
        filterPattern: z.string().optional(),
        logGroupName: z.string().optional(),
        metricTransformations: z
          .array(z.looseObject({ metricName: z.string(), metricNamespace: z.string() }))
          .optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.logs`), in the generated snapshot schema. */
export const section = regionalSection(LOGS_LISTINGS, {});
export type LogsSection = z.infer<typeof section>;
