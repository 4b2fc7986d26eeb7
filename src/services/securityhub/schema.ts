import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Security Hub operations answered once per region; `InvalidAccessException` means the hub is not enabled. */
export const SECURITYHUB_LISTINGS = {
  DescribeHub: z.looseObject({ HubArn: z.string().optional(), SubscribedAt: z.string().optional() }),
  GetEnabledStandards: z.looseObject({
    StandardsSubscriptions: z.array(
      z.looseObject({
        StandardsArn: z.string(),
        StandardsStatus: z.string().optional(),
        StandardsSubscriptionArn: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.securityhub`), in the generated snapshot schema. */
export const section = regionalSection(SECURITYHUB_LISTINGS, {});
export type SecurityHubSection = z.infer<typeof section>;

/** Security Hub says "not subscribed" with this error on every call of an account that has not enabled it. */
export const HUB_NOT_ENABLED = ['InvalidAccessException'];
