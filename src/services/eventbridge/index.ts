import { EventBridgeClient, ListEndpointsCommand, ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';
import { EVENTBRIDGE_LISTINGS } from './schema.ts';

/** Amazon EventBridge evidence of one region: the event buses with their policies, and the global endpoints. */
export default defineService({
  name: 'eventbridge',
  title: 'Amazon EventBridge',
  scope: 'regional',
  client: EventBridgeClient,
  operations: {
    ListEventBuses: {
      command: ListEventBusesCommand,
      input: () => ({ Limit: 100 }),
      pages: nextTokenPages('EventBuses'),
      response: EVENTBRIDGE_LISTINGS.ListEventBuses,
      iam: ['events:ListEventBuses'],
    },
    ListEndpoints: {
      command: ListEndpointsCommand,
      input: () => ({ MaxResults: 100 }),
      pages: nextTokenPages('Endpoints'),
      response: EVENTBRIDGE_LISTINGS.ListEndpoints,
      iam: ['events:ListEndpoints'],
    },
  },
});
