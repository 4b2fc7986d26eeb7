import check from '../../../src/checks/eventbridge/eventbridge-custom-bus-policy-attached.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import { DENIED, REGION, bus, busArn, eventbridgeSnapshot } from './eventbridge-builders.ts';

const orgPutEvents = {
  Sid: 'OrganizationPutEvents',
  Effect: 'Allow',
  Principal: '*',
  Action: 'events:PutEvents',
  Resource: busArn('orders'),
  Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
};

testCheck(check, {
  pass: [
    {
      name: 'a custom bus with a policy',
      snapshot: eventbridgeSnapshot([bus('orders', orgPutEvents)]),
      arn: busArn('orders'),
      message: 'orders has a resource-based policy',
    },
    {
      name: "the account's default bus",
      snapshot: eventbridgeSnapshot([bus('default')]),
      message: "default is the account's default event bus, not a custom one",
    },
  ],
  fail: [
    {
      name: 'a custom bus without a policy',
      snapshot: eventbridgeSnapshot([bus('orders')]),
      message: 'orders has no resource-based policy',
    },
  ],
  unknown: [
    {
      name: 'the Policy text is not JSON',
      snapshot: eventbridgeSnapshot([{ ...bus('orders'), Policy: '{"Version":' }]),
      message: 'MalformedPolicy on eventbridge:ListEventBuses',
    },
    {
      name: "ListEventBuses denied: the region's buses are hidden",
      snapshot: DENIED,
      arn: `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/*`,
      message: 'AccessDeniedException on eventbridge:ListEventBuses',
    },
  ],
});
