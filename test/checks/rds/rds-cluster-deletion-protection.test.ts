import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rds/rds-cluster-deletion-protection.ts';
import { resourcesOf } from '../../../src/model/account-state.ts';
import { normalise } from '../../../src/model/normalise.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, clustersSnapshot, dbCluster, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'protected', {}, 'has deletion protection enabled')],
  fail: [
    clusterCase(
      'rds',
      'the CreateDBCluster default',
      { DeletionProtection: false },
      'can be deleted without first turning deletion protection off',
    ),
    clusterCase(
      'rds',
      'a Multi-AZ DB cluster (postgres engine) without it',
      { Engine: 'postgres', EngineVersion: '16.4', DeletionProtection: false },
      'can be deleted without first turning deletion protection off',
      'ledger',
    ),
  ],
  unknown: [deniedCase('rds')],
});

describe('the unfiltered RDS listing', () => {
  it("leaves DocumentDB's and Neptune's clusters to their services", () => {
    const snapshot = clustersSnapshot('rds', [
      dbCluster('rds', 'orders-aurora'),
      dbCluster('docdb', 'catalogue', { DeletionProtection: false }),
      dbCluster('neptune', 'graph', { DeletionProtection: false }),
    ]);
    const clusters = resourcesOf(normalise(snapshot), 'rds-cluster', 'rds');
    expect(clusters.map((c) => c.arn)).toEqual([dbCluster('rds', 'orders-aurora').DBClusterArn]);
  });
});
