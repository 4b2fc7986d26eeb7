import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const visibility = z.looseObject({
  SampledRequestsEnabled: z.boolean().optional(),
  CloudWatchMetricsEnabled: z.boolean().optional(),
  MetricName: z.string().optional(),
});

/** AWS WAF operations answered once per region (ListWebACLs, scope REGIONAL, pages concatenated). */
export const WAFV2_LISTINGS = {
  ListWebACLs: z.looseObject({
    WebACLs: z.array(
      z.looseObject({ Name: z.string().optional(), Id: z.string().optional(), ARN: z.string().optional() }),
    ),
  }),
} as const;

/** AWS WAF calls made per web ACL, keyed by web ACL ARN. */
export const WAFV2_PER_RESOURCE = {
  GetWebACL: z.looseObject({
    WebACL: z.looseObject({
      Name: z.string().optional(),
      ARN: z.string().optional(),
      // a rule's Statement names a rule group (ManagedRuleGroupStatement, RuleGroupReferenceStatement) or is inline
      Rules: z.array(z.looseObject({ Name: z.string(), VisibilityConfig: visibility.optional() })).optional(),
      VisibilityConfig: visibility.optional(),
    }),
  }),
  GetLoggingConfiguration: z.looseObject({
    LoggingConfiguration: z.looseObject({
      ResourceArn: z.string().optional(),
      LogDestinationConfigs: z.array(z.string()).optional(),
    }),
  }),
} as const;

/** The snapshot section (`snapshot.wafv2`), in the generated snapshot schema. */
export const section = regionalSection(WAFV2_LISTINGS, WAFV2_PER_RESOURCE);
export type Wafv2Section = z.infer<typeof section>;
