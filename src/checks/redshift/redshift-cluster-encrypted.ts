import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'redshift-cluster-encrypted',
  aliases: ['Redshift.10', 'redshift_cluster_encrypted_at_rest'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: 'Redshift clusters are encrypted at rest',
  description:
    'An encrypted cluster encrypts its data blocks, system metadata and snapshots with a KMS key. The check reads `Encrypted` from DescribeClusters and fails when it is false. An unencrypted cluster can be encrypted in place (ModifyCluster with a KMS key); Redshift migrates the data meanwhile. Security Hub Redshift.10.',
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ...
  encrypted  = true
  kms_key_id = aws_kms_key.redshift.arn
}`,
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id KEY_ARN --region REGION',
    console:
      'Amazon Redshift console (in the region) > Clusters > CLUSTER > Properties > Database configurations > Edit encryption > Use AWS Key Management Service (AWS KMS) > a key > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    if (cluster.encrypted)
      return pass(`${cluster.id} is encrypted at rest${cluster.kmsKeyId ? ` with ${cluster.kmsKeyId}` : ''}`);
    return fail(`${cluster.id} is not encrypted at rest`);
  },
});
