import check from '../../../src/checks/ecs/ecs-cluster-container-insights.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import { REGION, clusterArn, denied, describeCluster, listDenied, oneCluster } from './ecs-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'enabled',
      snapshot: oneCluster('apps', describeCluster('apps', 'enabled')),
      message: 'apps has Container Insights enabled',
    },
    {
      name: 'enhanced observability',
      snapshot: oneCluster('apps', describeCluster('apps', 'enhanced')),
      message: 'enhanced',
    },
  ],
  fail: [
    {
      name: 'disabled',
      snapshot: oneCluster('batch', describeCluster('batch', 'disabled')),
      arn: clusterArn('batch'),
      message: 'batch has Container Insights disabled',
    },
    {
      name: 'no setting at all',
      snapshot: oneCluster('batch', describeCluster('batch')),
      message: 'batch has Container Insights not configured',
    },
  ],
  unknown: [
    {
      name: 'DescribeClusters denied',
      snapshot: oneCluster('apps', denied('DescribeClusters')),
      message: 'AccessDeniedException on ecs:DescribeClusters',
    },
    {
      name: 'the cluster came back as a failure (deleted between the calls)',
      snapshot: oneCluster('apps', { clusters: [], failures: [{ arn: clusterArn('apps'), reason: 'MISSING' }] }),
      message: 'ClusterNotFound on ecs:DescribeClusters: MISSING',
    },
    {
      name: "ListClusters denied: the region's clusters are hidden",
      snapshot: listDenied('ListClusters'),
      arn: `arn:aws:ecs:${REGION}:${ACCOUNT_ID}:cluster/*`,
      message: 'AccessDeniedException on ecs:ListClusters',
    },
  ],
});
