import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'us-east-1';
export const busArn = (name: string) => `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/${name}`;

/** One EventBuses item as ListEventBuses returns it; `policy` statements become its Policy text. */
export function bus(name: string, ...statements: object[]) {
  return {
    Name: name,
    Arn: busArn(name),
    CreationTime: '2026-04-14T09:21:07.000Z',
    LastModifiedTime: '2026-04-14T09:21:07.000Z',
    ...(statements.length > 0 ? { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) } : {}),
  };
}

/** One Endpoints item as ListEndpoints returns it. */
export function endpoint(name: string, replication: 'ENABLED' | 'DISABLED') {
  return {
    Name: name,
    Description: '',
    Arn: `arn:aws:events:${REGION}:${ACCOUNT_ID}:endpoint/${name}`,
    RoutingConfig: {
      FailoverConfig: {
        Primary: { HealthCheck: `arn:aws:route53:::healthcheck/9d2f4c6e-1a3b-4c5d-8e9f-0a1b2c3d4e5f` },
        Secondary: { Route: 'us-west-2' },
      },
    },
    ReplicationConfig: { State: replication },
    EventBuses: [
      { EventBusArn: busArn('orders') },
      { EventBusArn: `arn:aws:events:us-west-2:${ACCOUNT_ID}:event-bus/orders` },
    ],
    RoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/eventbridge-replication`,
    EndpointId: 'abcde.veo',
    EndpointUrl: 'https://abcde.veo.endpoint.events.amazonaws.com',
    State: 'ACTIVE',
    CreationTime: '2026-04-14T09:30:00.000Z',
    LastModifiedTime: '2026-04-14T09:30:00.000Z',
  };
}

export function eventbridgeSnapshot(buses: object[], endpoints: object[] = []): Snapshot {
  return snapshotOf({
    eventbridge: { [REGION]: { ListEventBuses: { EventBuses: buses }, ListEndpoints: { Endpoints: endpoints } } },
  } as Parameters<typeof snapshotOf>[0]);
}

const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: events:${action} on resource: arn:aws:events:${REGION}:${ACCOUNT_ID}:* because no identity-based policy allows the events:${action} action`,
  );
export const DENIED = snapshotOf({
  eventbridge: { [REGION]: { ListEventBuses: denied('ListEventBuses'), ListEndpoints: denied('ListEndpoints') } },
});
