import check from '../../../src/checks/opensearch/opensearch-domain-master-nodes-fault-tolerant.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, oneDomain } from './opensearch-builders.ts';

const masters = (DedicatedMasterEnabled: boolean, DedicatedMasterCount?: number) => ({
  ClusterConfig: {
    InstanceType: 'r6g.large.search',
    InstanceCount: 3,
    ZoneAwarenessEnabled: true,
    DedicatedMasterEnabled,
    ...(DedicatedMasterCount === undefined ? {} : { DedicatedMasterType: 'm6g.large.search', DedicatedMasterCount }),
  },
});

testCheck(check, {
  pass: [
    {
      name: 'three dedicated primary nodes',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search has 3 dedicated primary nodes',
    },
    {
      name: 'five dedicated primary nodes',
      snapshot: oneDomain('big', describeDomain('big', masters(true, 5))),
      message: 'big has 5 dedicated primary nodes',
    },
  ],
  fail: [
    {
      name: 'no dedicated primary nodes',
      snapshot: oneDomain('small', describeDomain('small', masters(false))),
      message: 'small has no dedicated primary nodes',
    },
    {
      name: 'a count left over from before they were turned off',
      snapshot: oneDomain('small', describeDomain('small', masters(false, 3))),
      message: 'small has no dedicated primary nodes',
    },
    {
      name: 'two dedicated primary nodes',
      snapshot: oneDomain('small', describeDomain('small', masters(true, 2))),
      message: 'small has 2 dedicated primary node(s), fewer than 3',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
