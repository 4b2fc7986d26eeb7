import check from '../../../src/checks/eks/eks-cluster-audit-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { EKS_UNKNOWNS, clusterArn, describeCluster, oneCluster } from './eks-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'every log type',
      snapshot: oneCluster('apps', describeCluster('apps')),
      message: 'apps sends audit logs (enabled: api, audit, authenticator, controllerManager, scheduler)',
    },
    {
      name: 'audit alone',
      snapshot: oneCluster('apps', describeCluster('apps', { logTypes: ['audit'] })),
      message: 'enabled: audit)',
    },
  ],
  fail: [
    {
      name: 'logging off (the default)',
      snapshot: oneCluster('dev', describeCluster('dev', { logTypes: [] })),
      arn: clusterArn('dev'),
      message: 'dev does not send audit logs (control plane logging off)',
    },
    {
      name: 'api and authenticator, not audit',
      snapshot: oneCluster('dev', describeCluster('dev', { logTypes: ['api', 'authenticator'] })),
      message: 'dev does not send audit logs (enabled: api, authenticator)',
    },
  ],
  unknown: EKS_UNKNOWNS,
});
