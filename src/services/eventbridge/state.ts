import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { policyText } from '../../model/normalise-policy.ts';
import { present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { EventbridgeSection } from './schema.ts';

/** An event bus, ARN `arn:<partition>:events:<region>:<account>:event-bus/<name>`. */
export interface EventbridgeBus {
  kind: 'eventbridge-event-bus';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** the account's `default` bus, a partner's (`aws.partner/…`) or one the account created */
  origin: 'default' | 'partner' | 'custom';
  /** the resource-based policy, parsed; absent when none is attached */
  policy: Observed<unknown>;
}

/** A global endpoint, ARN `arn:<partition>:events:<region>:<account>:endpoint/<name>`. */
export interface EventbridgeEndpoint {
  kind: 'eventbridge-endpoint';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** `ENABLED` unless turned off (AWS's default when created) */
  replication: string;
}

export interface EventbridgeState {
  buses: EventbridgeBus[];
  endpoints: EventbridgeEndpoint[];
}

function originOf(name: string): EventbridgeBus['origin'] {
  if (name === 'default') return 'default';
  return name.startsWith('aws.partner/') ? 'partner' : 'custom';
}

/** The buses and endpoints of every region; a failed listing is a gap (its resources' checks say unknown). */
function normaliseEventbridge(
  section: EventbridgeSection,
  context: NormaliseContext,
): { state: EventbridgeState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: EventbridgeState = { buses: [], endpoints: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const buses = listing(
      entry.ListEventBuses,
      { operation: 'eventbridge:ListEventBuses', region },
      [context.hidden('eventbridge-event-bus', region)],
      gaps,
      (r) =>
        r.EventBuses.map((bus): EventbridgeBus => ({
          kind: 'eventbridge-event-bus',
          arn: bus.Arn ?? context.arn('eventbridge-event-bus', region, bus.Name),
          region,
          accountId: context.accountId,
          name: bus.Name,
          origin: originOf(bus.Name),
          policy:
            bus.Policy === undefined
              ? { kind: 'absent', errorName: 'NoPolicy' }
              : policyText(bus.Policy, 'eventbridge:ListEventBuses', 'the event bus policy'),
        })),
    );
    appendAll(state.buses, buses.items);
    const endpoints = listing(
      entry.ListEndpoints,
      { operation: 'eventbridge:ListEndpoints', region },
      [context.hidden('eventbridge-endpoint', region)],
      gaps,
      (r) =>
        r.Endpoints.map((endpoint): EventbridgeEndpoint => ({
          kind: 'eventbridge-endpoint',
          arn: endpoint.Arn ?? context.arn('eventbridge-endpoint', region, endpoint.Name),
          region,
          accountId: context.accountId,
          name: endpoint.Name,
          replication: endpoint.ReplicationConfig?.State ?? 'ENABLED',
        })),
    );
    appendAll(state.endpoints, endpoints.items);
  }
  return { state, gaps };
}

/** Amazon EventBridge in the account state: `state.eventbridge` (event buses and global endpoints per region). */
export default defineServiceState({
  sections: ['eventbridge'],
  normalise: (snapshot, context) => normaliseEventbridge(snapshot.eventbridge ?? {}, context),
  resources: {
    'eventbridge-event-bus': {
      securityHubType: 'AwsEventsEventbus',
      arn: resourceArn('events', 'event-bus'),
      of: (state: EventbridgeState) => state.buses,
    },
    'eventbridge-endpoint': {
      securityHubType: 'AwsEventsEndpoint',
      arn: resourceArn('events', 'endpoint'),
      of: (state: EventbridgeState) => state.endpoints,
    },
  },
  operations: {
    // the policy comes with the listing: a bus the listing named has its policy read, or known to be malformed
    'eventbridge:ListEventBuses': {
      scope: 'eventbridge-event-bus',
      read: (_state: EventbridgeState, bus: EventbridgeBus) => present(bus),
    },
    'eventbridge:ListEndpoints': {
      scope: 'eventbridge-endpoint',
      read: (_state: EventbridgeState, endpoint: EventbridgeEndpoint) => present(endpoint),
    },
  },
});
