import check from '../../../src/checks/eventbridge/eventbridge-bus-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import { DENIED, REGION, bus, busArn, eventbridgeSnapshot } from './eventbridge-builders.ts';

const putEvents = (condition?: object) => ({
  Sid: 'PutEvents',
  Effect: 'Allow',
  Principal: '*',
  Action: 'events:PutEvents',
  Resource: busArn('orders'),
  ...(condition ? { Condition: condition } : {}),
});

testCheck(check, {
  pass: [
    {
      name: 'no policy',
      snapshot: eventbridgeSnapshot([bus('orders')]),
      message: 'orders has no resource-based policy',
    },
    {
      name: 'open to the organisation only',
      snapshot: eventbridgeSnapshot([
        bus('orders', putEvents({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })),
      ]),
      message: "orders's policy is not public",
    },
  ],
  fail: [
    {
      name: 'any account may put events',
      snapshot: eventbridgeSnapshot([bus('orders', putEvents())]),
      arn: busArn('orders'),
      message: "orders's policy is public",
    },
  ],
  unknown: [
    {
      name: "ListEventBuses denied: the region's buses are hidden",
      snapshot: DENIED,
      arn: `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/*`,
      message: 'AccessDeniedException on eventbridge:ListEventBuses',
    },
  ],
});
