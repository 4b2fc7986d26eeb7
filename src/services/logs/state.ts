import { anyRegion } from '../any-region.ts';
import { defineServiceState } from '../define-state.ts';
import type { LogsState } from './model.ts';
import { normaliseLogs } from './normalise.ts';

/**
 * Amazon CloudWatch Logs in the account state: `state.logs` (metric filters per region). Filters are evidence for
 * account-wide checks, not resources of their own: a check reads the region of the log group it needs.
 */
export default defineServiceState({
  sections: ['logs'],
  normalise: (snapshot, context) => ({ state: normaliseLogs(snapshot.logs ?? {}, context) }),
  resources: {},
  operations: {
    'logs:DescribeMetricFilters': {
      scope: 'account',
      read: (state: LogsState) => anyRegion(state.metricFilters, 'logs:DescribeMetricFilters'),
    },
  },
});
