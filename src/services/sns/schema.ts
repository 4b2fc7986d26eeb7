import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** SNS operations answered once per region (ListTopics holds every page's topics). */
export const SNS_LISTINGS = {
  ListTopics: z.looseObject({ Topics: z.array(z.looseObject({ TopicArn: z.string().optional() })) }),
} as const;

/** SNS calls made per topic, keyed by topic ARN. */
export const SNS_PER_RESOURCE = {
  ListSubscriptionsByTopic: z.looseObject({
    Subscriptions: z.array(
      z.looseObject({
        // "PendingConfirmation" until the endpoint confirms
        SubscriptionArn: z.string().optional(),
        Protocol: z.string().optional(),
        Endpoint: z.string().optional(),
        TopicArn: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.sns`), in the generated snapshot schema. */
export const section = regionalSection(SNS_LISTINGS, SNS_PER_RESOURCE);
export type SnsSection = z.infer<typeof section>;
