import check from '../../../src/checks/eventbridge/eventbridge-endpoint-replication-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import { DENIED, REGION, endpoint, eventbridgeSnapshot } from './eventbridge-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'replication enabled',
      snapshot: eventbridgeSnapshot([], [endpoint('orders', 'ENABLED')]),
      arn: `arn:aws:events:${REGION}:${ACCOUNT_ID}:endpoint/orders`,
      message: 'orders replicates events to its secondary Region',
    },
  ],
  fail: [
    {
      name: 'replication disabled',
      snapshot: eventbridgeSnapshot([], [endpoint('orders', 'DISABLED')]),
      message: 'orders does not replicate events',
    },
  ],
  unknown: [
    {
      name: "ListEndpoints denied: the region's endpoints are hidden",
      snapshot: DENIED,
      arn: `arn:aws:events:${REGION}:${ACCOUNT_ID}:endpoint/*`,
      message: 'AccessDeniedException on eventbridge:ListEndpoints',
    },
  ],
});
