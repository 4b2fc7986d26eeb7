import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'eks-cluster-secrets-encrypted',
  aliases: ['EKS.3', 'AVD-AWS-0039', 'eks_cluster_kms_cmk_encryption_in_secrets_enabled'],
  service: 'eks',
  resource: 'eks-cluster',
  severity: 'medium',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  description:
    'Envelope encryption encrypts Kubernetes secrets in etcd with a KMS key the account controls, so reading them needs both cluster access and the key (and every decryption is logged in CloudTrail). The check reads `encryptionConfig` from DescribeCluster and fails when no entry covers the `secrets` resource with a KMS key. Security Hub EKS.3.',
  remediation: {
    terraform: `resource "aws_eks_cluster" "this" {
  # ...
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}`,
    cli: 'aws eks associate-encryption-config --cluster-name CLUSTER --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"KMS_KEY_ARN"}}]\' --region REGION',
    console:
      'Amazon EKS console (in the region) > Clusters > CLUSTER > Overview > Secrets encryption > Enable > a KMS key > Enable (it cannot be turned off afterwards).',
  },
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-3',
  ],
  needs: ['eks:DescribeCluster'],
  triggers: ['CreateCluster', 'AssociateEncryptionConfig'],
  evaluate(cluster) {
    const key = known(cluster.details)?.secretsKeyArn;
    if (key !== undefined) return pass(`${cluster.name} encrypts Kubernetes secrets with ${key}`);
    return fail(`${cluster.name} does not encrypt Kubernetes secrets with a KMS key (no encryptionConfig for secrets)`);
  },
});
