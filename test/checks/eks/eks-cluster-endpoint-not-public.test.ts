import check from '../../../src/checks/eks/eks-cluster-endpoint-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { EKS_UNKNOWNS, clusterArn, describeCluster, oneCluster } from './eks-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'private endpoint only',
      snapshot: oneCluster('apps', describeCluster('apps')),
      message: 'apps has a private API endpoint only',
    },
  ],
  fail: [
    {
      name: 'public to the internet (the default)',
      snapshot: oneCluster('dev', describeCluster('dev', { publicAccess: true })),
      arn: clusterArn('dev'),
      message: 'dev has a public API endpoint (allowed from 0.0.0.0/0)',
    },
    {
      name: 'public but restricted to an office range (still public)',
      snapshot: oneCluster('dev', describeCluster('dev', { publicAccess: true, cidrs: ['203.0.113.0/24'] })),
      message: 'allowed from 203.0.113.0/24',
    },
  ],
  unknown: EKS_UNKNOWNS,
});
