import check from '../../../src/checks/redshift/redshift-cluster-automated-snapshots.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CLUSTERS_DENIED, cluster, oneCluster } from './redshift-builders.ts';

const retention = (days: number) => oneCluster(cluster('analytics', { AutomatedSnapshotRetentionPeriod: days }));

testCheck(check, {
  pass: [
    {
      name: '7 days',
      snapshot: oneCluster(cluster('warehouse')),
      message: 'warehouse keeps automated snapshots for 7 days',
    },
    { name: '35 days, the maximum', snapshot: retention(35), message: 'for 35 days' },
  ],
  fail: [
    {
      name: 'the default of 1 day',
      snapshot: retention(1),
      message: 'analytics keeps automated snapshots for 1 day(s), fewer than 7',
    },
    { name: 'turned off', snapshot: retention(0), message: 'analytics has automated snapshots turned off' },
  ],
  unknown: [CLUSTERS_DENIED],
});
