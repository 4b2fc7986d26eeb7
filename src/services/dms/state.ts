import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { DmsSection } from './schema.ts';

/** A replication instance, ARN `arn:<partition>:dms:<region>:<account>:rep:<generated id>`. */
export interface DmsReplicationInstance {
  kind: 'dms-replication-instance';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  publiclyAccessible: boolean;
  publicIp: string | undefined;
  autoMinorVersionUpgrade: boolean;
  engineVersion: string | undefined;
}

/** A source or target endpoint, ARN `arn:<partition>:dms:<region>:<account>:endpoint:<generated id>`. */
export interface DmsEndpoint {
  kind: 'dms-endpoint';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  endpointType: string | undefined;
  engine: string | undefined;
  sslMode: string | undefined;
  /** Kafka endpoints set TLS here instead of SslMode */
  kafkaSecurityProtocol: string | undefined;
}

export interface DmsState {
  replicationInstances: DmsReplicationInstance[];
  endpoints: DmsEndpoint[];
}

/** The instances and endpoints of every region; a failed listing is a gap for the kind it lists. */
function normaliseDms(section: DmsSection, context: NormaliseContext): { state: DmsState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: DmsState = { replicationInstances: [], endpoints: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const instances = listing(
      entry.DescribeReplicationInstances,
      { operation: 'dms:DescribeReplicationInstances', region },
      [context.hidden('dms-replication-instance', region)],
      gaps,
      (r) =>
        r.ReplicationInstances.map((i): DmsReplicationInstance => ({
          kind: 'dms-replication-instance',
          arn: i.ReplicationInstanceArn,
          region,
          accountId: context.accountId,
          id: i.ReplicationInstanceIdentifier,
          publiclyAccessible: i.PubliclyAccessible === true,
          publicIp: i.ReplicationInstancePublicIpAddress,
          autoMinorVersionUpgrade: i.AutoMinorVersionUpgrade === true,
          engineVersion: i.EngineVersion,
        })),
    );
    appendAll(state.replicationInstances, instances.items);
    const endpoints = listing(
      entry.DescribeEndpoints,
      { operation: 'dms:DescribeEndpoints', region },
      [context.hidden('dms-endpoint', region)],
      gaps,
      (r) =>
        r.Endpoints.map((e): DmsEndpoint => ({
          kind: 'dms-endpoint',
          arn: e.EndpointArn,
          region,
          accountId: context.accountId,
          id: e.EndpointIdentifier,
          endpointType: e.EndpointType,
          engine: e.EngineName,
          sslMode: e.SslMode,
          kafkaSecurityProtocol: e.KafkaSettings?.SecurityProtocol,
        })),
    );
    appendAll(state.endpoints, endpoints.items);
  }
  return { state, gaps };
}

/** AWS DMS in the account state: `state.dms` (replication instances and endpoints of every region). */
export default defineServiceState({
  sections: ['dms'],
  normalise: (snapshot, context) => normaliseDms(snapshot.dms ?? {}, context),
  resources: {
    'dms-replication-instance': {
      securityHubType: 'AwsDmsReplicationInstance',
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:dms:${region}:${accountId}:rep:${id}`,
      of: (state: DmsState) => state.replicationInstances,
    },
    'dms-endpoint': {
      securityHubType: 'AwsDmsEndpoint',
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:dms:${region}:${accountId}:endpoint:${id}`,
      of: (state: DmsState) => state.endpoints,
    },
  },
  operations: {
    'dms:DescribeReplicationInstances': {
      scope: 'dms-replication-instance',
      read: (_s: DmsState, i: DmsReplicationInstance) => present(i),
    },
    'dms:DescribeEndpoints': {
      scope: 'dms-endpoint',
      read: (_s: DmsState, e: DmsEndpoint) => present(e),
    },
  },
});
