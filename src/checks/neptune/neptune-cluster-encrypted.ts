import { defineCheck } from '../define-check.ts';
import { storageEncryptedVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'neptune-cluster-encrypted',
  aliases: ['Neptune.1', 'AVD-AWS-0076', 'neptune_cluster_storage_encrypted'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'medium',
  title: 'Neptune DB clusters encrypt their storage at rest',
  description:
    'A cluster encrypted at rest (`StorageEncrypted`) encrypts its storage, instances, automated backups, snapshots and replicas with a KMS key. Encryption is chosen when the cluster is created and cannot be turned on later: an unencrypted cluster is moved by restoring a snapshot into a new, encrypted cluster. Security Hub Neptune.1.',
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  cluster_identifier = "graph"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.neptune.arn
}`,
    cli: `aws neptune create-db-cluster-snapshot --db-cluster-identifier CLUSTER --db-cluster-snapshot-identifier CLUSTER-unencrypted --region REGION
aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier CLUSTER-encrypted --snapshot-identifier CLUSTER-unencrypted --engine neptune --kms-key-id KMS_KEY_ARN --region REGION`,
    console:
      'Neptune console (in the region) > Snapshots > take a snapshot of CLUSTER > Restore snapshot > Encryption: enable, choose the KMS key > point clients at the new cluster, then delete the old one.',
  },
  references: [
    'https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-1',
  ],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: storageEncryptedVerdict,
});
