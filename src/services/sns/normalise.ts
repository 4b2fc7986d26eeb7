import type { SnsState } from './model.ts';
import type { SnsSection } from './schema.ts';
import { regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** The `sns` section as topics per region and subscriptions per topic ARN. */
export function normaliseSns(section: SnsSection, context: RegionalContext): SnsState {
  const state: SnsState = { topics: {}, subscriptions: {} };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    state.topics[region] = observe(entry.ListTopics, 'sns:ListTopics', [], (r) =>
      r.Topics.flatMap((t) => (t.TopicArn ? [t.TopicArn] : [])),
    );
    const topics = state.topics[region].kind === 'present' ? state.topics[region].value : [];
    for (const arn of topics) {
      state.subscriptions[arn] = observe(
        entry.ListSubscriptionsByTopic?.[arn],
        'sns:ListSubscriptionsByTopic',
        [],
        (r) =>
          r.Subscriptions.map((s) => ({
            // a confirmed subscription has its own ARN; AWS shows "PendingConfirmation" (or "Deleted") instead
            confirmed: s.SubscriptionArn?.startsWith('arn:') === true,
            protocol: s.Protocol ?? '',
            endpoint: s.Endpoint ?? '',
          })),
      );
    }
  }
  return state;
}
