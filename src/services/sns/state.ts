import { anyRegion } from '../any-region.ts';
import { defineServiceState } from '../define-state.ts';
import type { SnsState } from './model.ts';
import { normaliseSns } from './normalise.ts';

/** Amazon SNS in the account state: `state.sns` (topics per region, subscriptions per topic ARN). */
export default defineServiceState({
  sections: ['sns'],
  normalise: (snapshot, context) => ({ state: normaliseSns(snapshot.sns ?? {}, context) }),
  resources: {},
  operations: {
    'sns:ListTopics': { scope: 'account', read: (state: SnsState) => anyRegion(state.topics, 'sns:ListTopics') },
  },
});
