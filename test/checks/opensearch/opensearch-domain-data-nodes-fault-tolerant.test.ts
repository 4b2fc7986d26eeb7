import check from '../../../src/checks/opensearch/opensearch-domain-data-nodes-fault-tolerant.ts';
import { testCheck } from '../../support/check-tester.ts';
import { OPENSEARCH_UNKNOWNS, describeDomain, oneDomain } from './opensearch-builders.ts';

const cluster = (InstanceCount: number, ZoneAwarenessEnabled: boolean) => ({
  ClusterConfig: {
    InstanceType: 'r6g.large.search',
    InstanceCount,
    ZoneAwarenessEnabled,
    DedicatedMasterEnabled: false,
  },
});

testCheck(check, {
  pass: [
    {
      name: 'three data nodes in three zones',
      snapshot: oneDomain('search', describeDomain('search')),
      message: 'search has 3 data node(s), zone awareness on',
    },
    {
      name: 'six data nodes with zone awareness',
      snapshot: oneDomain('big', describeDomain('big', cluster(6, true))),
      message: 'big has 6 data node(s)',
    },
  ],
  fail: [
    {
      name: 'a single node',
      snapshot: oneDomain('dev', describeDomain('dev', cluster(1, false))),
      message: 'dev has 1 data node(s), zone awareness off: it needs at least 3 data nodes with zone awareness',
    },
    {
      name: 'three nodes in one zone',
      snapshot: oneDomain('dev', describeDomain('dev', cluster(3, false))),
      message: 'dev has 3 data node(s), zone awareness off',
    },
    {
      name: 'two nodes across two zones',
      snapshot: oneDomain('dev', describeDomain('dev', cluster(2, true))),
      message: 'dev has 2 data node(s), zone awareness on',
    },
  ],
  unknown: OPENSEARCH_UNKNOWNS,
});
