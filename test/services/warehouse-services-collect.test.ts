import {
  DatabaseMigrationServiceClient,
  DatabaseMigrationServiceServiceException,
  DescribeEndpointsCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import {
  DescribeCacheClustersCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import {
  ClusterNotFoundFault,
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { collectService } from '../../src/services/collect-service.ts';
import dmsService from '../../src/services/dms/index.ts';
import elasticacheService from '../../src/services/elasticache/index.ts';
import redshiftService from '../../src/services/redshift/index.ts';

const CONTEXT = { region: 'eu-west-1', accountId: '123456789012', partition: 'aws' };

const redshift = mockClient(RedshiftClient);
const elasticache = mockClient(ElastiCacheClient);
const dms = mockClient(DatabaseMigrationServiceClient);
let clients: AwsClients;

beforeEach(async () => {
  redshift.reset();
  elasticache.reset();
  dms.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

const cluster = (id: string, group: string) => ({
  ClusterIdentifier: id,
  MasterUsername: 'warehouse_admin',
  PubliclyAccessible: false,
  Encrypted: true,
  ClusterParameterGroups: [{ ParameterGroupName: group, ParameterApplyStatus: 'in-sync' }],
});

describe('Redshift, ElastiCache and DMS collection', () => {
  it('Redshift: every page of clusters as one answer, logging per cluster, parameters once per shared group', async () => {
    redshift
      .on(DescribeClustersCommand)
      .resolves({ Clusters: [cluster('warehouse', 'shared-params')], Marker: 'page-2' })
      .on(DescribeClustersCommand, { Marker: 'page-2' })
      .resolves({ Clusters: [cluster('analytics', 'shared-params'), cluster('gone', 'default.redshift-2.0')] });
    redshift
      .on(DescribeLoggingStatusCommand)
      .callsFake(async ({ ClusterIdentifier }: { ClusterIdentifier: string }) => {
        if (ClusterIdentifier === 'gone')
          throw new ClusterNotFoundFault({ message: 'Cluster gone not found.', $metadata: { httpStatusCode: 404 } });
        return { LoggingEnabled: true, LogDestinationType: 'cloudwatch', LogExports: ['connectionlog'] };
      });
    redshift
      .on(DescribeClusterParametersCommand, { ParameterGroupName: 'shared-params' })
      .resolves({
        Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true', Source: 'user' }],
        Marker: 'p2',
      })
      .on(DescribeClusterParametersCommand, { ParameterGroupName: 'shared-params', Marker: 'p2' })
      .resolves({ Parameters: [{ ParameterName: 'datestyle', ParameterValue: 'ISO, MDY', Source: 'engine-default' }] })
      .on(DescribeClusterParametersCommand, { ParameterGroupName: 'default.redshift-2.0' })
      .resolves({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'false', Source: 'engine-default' }] });
    const run = new RunState(pLimit(4));
    const entry = await collectService(redshiftService, clients, CONTEXT, run);
    expect(
      (entry.DescribeClusters as { Clusters: { ClusterIdentifier: string }[] }).Clusters.map(
        (c) => c.ClusterIdentifier,
      ),
    ).toEqual(['warehouse', 'analytics', 'gone']);
    expect(entry.DescribeClusters).not.toHaveProperty('Marker');
    expect(entry.DescribeLoggingStatus).toMatchObject({
      warehouse: { LoggingEnabled: true },
      analytics: { LoggingEnabled: true },
      gone: { error: { name: 'ClusterNotFoundFault', message: 'Cluster gone not found.' } },
    });
    expect(Object.keys(entry.DescribeClusterParameters as object).sort()).toEqual([
      'default.redshift-2.0',
      'shared-params',
    ]);
    expect(entry.DescribeClusterParameters).toMatchObject({
      'shared-params': { Parameters: [{ ParameterName: 'require_ssl' }, { ParameterName: 'datestyle' }] },
    });
    expect(redshift.commandCalls(DescribeClusterParametersCommand)).toHaveLength(3);
    expect(redshift.commandCalls(DescribeClustersCommand)[0]?.args[0].input).toMatchObject({ MaxRecords: 100 });
  });

  it('ElastiCache: both listings walk their Marker pages', async () => {
    elasticache
      .on(DescribeCacheClustersCommand)
      .resolves({ CacheClusters: [{ CacheClusterId: 'sessions-001', Engine: 'redis' }], Marker: 'm' })
      .on(DescribeCacheClustersCommand, { Marker: 'm' })
      .resolves({ CacheClusters: [{ CacheClusterId: 'jobs', Engine: 'valkey' }] });
    elasticache.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [
        { ReplicationGroupId: 'sessions', MemberClusters: ['sessions-001'], AutomaticFailover: 'enabled' },
      ],
    });
    const entry = await collectService(elasticacheService, clients, CONTEXT, new RunState(pLimit(4)));
    expect(entry.DescribeCacheClusters).toEqual({
      CacheClusters: [
        { CacheClusterId: 'sessions-001', Engine: 'redis' },
        { CacheClusterId: 'jobs', Engine: 'valkey' },
      ],
    });
    expect(entry.DescribeReplicationGroups).toMatchObject({ ReplicationGroups: [{ ReplicationGroupId: 'sessions' }] });
  });

  it('DMS: a denied listing is recorded under its JSON-protocol name, the other listing still kept', async () => {
    dms.on(DescribeReplicationInstancesCommand).rejects(
      new DatabaseMigrationServiceServiceException({
        name: 'AccessDeniedException',
        message:
          'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: dms:DescribeReplicationInstances',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    dms.on(DescribeEndpointsCommand).resolves({
      Endpoints: [
        {
          EndpointIdentifier: 'orders-source',
          EndpointArn: 'arn:aws:dms:eu-west-1:123456789012:endpoint:ORD7KQ2W',
          SslMode: 'verify-full',
        },
      ],
    });
    const run = new RunState(pLimit(4));
    const entry = await collectService(dmsService, clients, CONTEXT, run);
    expect(entry.DescribeReplicationInstances).toMatchObject({ error: { name: 'AccessDeniedException' } });
    expect(entry.DescribeEndpoints).toMatchObject({ Endpoints: [{ EndpointIdentifier: 'orders-source' }] });
    expect(run.stats.errors).toBe(1);
  });
});
