import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { collectService } from '../../src/services/collect-service.ts';
import rdsService from '../../src/services/rds/index.ts';

const CONTEXT = { region: 'eu-central-1', accountId: '123456789012', partition: 'aws' };
const rds = mockClient(RDSClient);
let clients: AwsClients;

beforeEach(async () => {
  rds.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

describe('the RDS declaration (clusters and snapshots)', () => {
  it('lists clusters unfiltered over Marker pages and asks the attributes of manual RDS snapshots only', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    rds
      .on(DescribeDBClustersCommand)
      .resolves({ DBClusters: [{ DBClusterIdentifier: 'orders-aurora', Engine: 'aurora-mysql' }], Marker: 'm2' })
      .on(DescribeDBClustersCommand, { Marker: 'm2' })
      .resolves({ DBClusters: [{ DBClusterIdentifier: 'catalogue', Engine: 'docdb' }] });
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        { DBSnapshotIdentifier: 'orders-manual', SnapshotType: 'manual', Engine: 'postgres' },
        { DBSnapshotIdentifier: 'rds:orders-2026-12-05-03-10', SnapshotType: 'automated', Engine: 'postgres' },
      ],
    });
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({
      DBClusterSnapshots: [
        { DBClusterSnapshotIdentifier: 'aurora-manual', SnapshotType: 'manual', Engine: 'aurora-mysql' },
        { DBClusterSnapshotIdentifier: 'catalogue-manual', SnapshotType: 'manual', Engine: 'docdb' },
      ],
    });
    rds.on(DescribeDBSnapshotAttributesCommand).callsFake(async ({ DBSnapshotIdentifier }) => ({
      DBSnapshotAttributesResult: {
        DBSnapshotIdentifier,
        DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }],
      },
    }));
    rds.on(DescribeDBClusterSnapshotAttributesCommand).callsFake(async ({ DBClusterSnapshotIdentifier }) => ({
      DBClusterSnapshotAttributesResult: {
        DBClusterSnapshotIdentifier,
        DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }],
      },
    }));
    const entry = await collectService(rdsService, clients, CONTEXT, new RunState(pLimit(4)));
    // no engine filter: DocumentDB's cluster is in the answer, the normaliser leaves it to DocumentDB
    expect(rds.commandCalls(DescribeDBClustersCommand)[0]?.args[0].input).toEqual({ MaxRecords: 100 });
    expect(entry.DescribeDBClusters).toEqual({
      DBClusters: [
        expect.objectContaining({ DBClusterIdentifier: 'orders-aurora' }),
        expect.objectContaining({ DBClusterIdentifier: 'catalogue' }),
      ],
    });
    expect(Object.keys(entry.DescribeDBSnapshotAttributes as object)).toEqual(['orders-manual']);
    expect(Object.keys(entry.DescribeDBClusterSnapshotAttributes as object)).toEqual(['aurora-manual']);
  });

  it('a denied attributes call is recorded for that snapshot alone', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        { DBSnapshotIdentifier: 'a', SnapshotType: 'manual' },
        { DBSnapshotIdentifier: 'b', SnapshotType: 'manual' },
      ],
    });
    rds
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'a' })
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }))
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'b' })
      .resolves({ DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'b', DBSnapshotAttributes: [] } });
    const entry = await collectService(rdsService, clients, CONTEXT, new RunState(pLimit(4)));
    expect(entry.DescribeDBSnapshotAttributes).toEqual({
      a: { error: { name: 'AccessDenied', message: 'not authorized' } },
      b: { DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'b', DBSnapshotAttributes: [] } },
    });
  });
});
