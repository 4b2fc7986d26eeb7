import type { Observed } from '../../model/observed.ts';

export interface SnsSubscription {
  /** false while AWS waits for the endpoint to confirm ("PendingConfirmation"): nothing is delivered to it */
  confirmed: boolean;
  protocol: string;
  endpoint: string;
}

export interface SnsState {
  /** every region's ListTopics, as topic ARNs */
  topics: Record<string, Observed<string[]>>;
  /** ListSubscriptionsByTopic by topic ARN, for the topics ListTopics listed */
  subscriptions: Record<string, Observed<SnsSubscription[]>>;
}
