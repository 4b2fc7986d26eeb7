import { anyRegion } from '../any-region.ts';
import { defineServiceState } from '../define-state.ts';
import type { CloudWatchState } from './model.ts';
import { normaliseCloudWatch } from './normalise.ts';

/** Amazon CloudWatch in the account state: `state.cloudwatch` (metric alarms per region, read by account-wide checks). */
export default defineServiceState({
  sections: ['cloudwatch'],
  normalise: (snapshot, context) => ({ state: normaliseCloudWatch(snapshot.cloudwatch ?? {}, context) }),
  resources: {},
  operations: {
    'cloudwatch:DescribeAlarms': {
      scope: 'account',
      read: (state: CloudWatchState) => anyRegion(state.alarms, 'cloudwatch:DescribeAlarms'),
    },
  },
});
