import check from '../../../src/checks/eks/eks-cluster-secrets-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { EKS_UNKNOWNS, KEY, clusterArn, describeCluster, oneCluster } from './eks-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'secrets envelope-encrypted',
      snapshot: oneCluster('apps', describeCluster('apps')),
      message: `apps encrypts Kubernetes secrets with ${KEY}`,
    },
  ],
  fail: [
    {
      name: 'no encryptionConfig',
      snapshot: oneCluster('dev', describeCluster('dev', { keyArn: null })),
      arn: clusterArn('dev'),
      message: 'dev does not encrypt Kubernetes secrets with a KMS key',
    },
  ],
  unknown: EKS_UNKNOWNS,
});
