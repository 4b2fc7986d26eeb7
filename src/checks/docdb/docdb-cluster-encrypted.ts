import { defineCheck } from '../define-check.ts';
import { storageEncryptedVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'docdb-cluster-encrypted',
  aliases: ['DocumentDB.1', 'AVD-AWS-0021', 'documentdb_cluster_storage_encrypted'],
  service: 'docdb',
  resource: 'docdb-cluster',
  severity: 'medium',
  title: 'DocumentDB clusters encrypt their storage at rest',
  description:
    'A cluster encrypted at rest (`StorageEncrypted`) encrypts its storage volume, instances, automated backups and snapshots with a KMS key. Encryption is chosen when the cluster is created and cannot be turned on later: an unencrypted cluster is moved by restoring a snapshot into a new cluster with a KMS key. Security Hub DocumentDB.1.',
  remediation: {
    terraform: `resource "aws_docdb_cluster" "this" {
  cluster_identifier = "orders-docdb"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.docdb.arn
}`,
    cli: `aws docdb create-db-cluster-snapshot --db-cluster-identifier CLUSTER --db-cluster-snapshot-identifier CLUSTER-unencrypted --region REGION
aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier CLUSTER-encrypted --snapshot-identifier CLUSTER-unencrypted --engine docdb --kms-key-id KMS_KEY_ARN --region REGION`,
    console:
      'Amazon DocumentDB console (in the region) > Snapshots > take a snapshot of CLUSTER > Restore > Encryption-at-rest: Enable, choose the KMS key > point clients at the new cluster, then delete the old one.',
  },
  references: [
    'https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-1',
  ],
  needs: ['docdb:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: storageEncryptedVerdict,
});
