import { defineCheck } from '../define-check.ts';
import { deletionProtectionVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'docdb-cluster-deletion-protection',
  aliases: ['DocumentDB.5', 'documentdb_cluster_deletion_protection'],
  service: 'docdb',
  resource: 'docdb-cluster',
  severity: 'medium',
  title: 'DocumentDB clusters have deletion protection enabled',
  description:
    'A cluster with deletion protection cannot be deleted, by mistake or by a compromised principal, until someone allowed to modify it turns the protection off first. The console turns it on for new production clusters; CreateDBCluster and infrastructure as code leave it off by default. Security Hub DocumentDB.5.',
  remediation: {
    terraform: `resource "aws_docdb_cluster" "this" {
  # ...
  deletion_protection = true
}`,
    cli: `aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately --region REGION`,
    console:
      'Amazon DocumentDB console (in the region) > Clusters > CLUSTER > Modify > Deletion protection: Enable > Continue > Apply immediately.',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-5'],
  needs: ['docdb:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: deletionProtectionVerdict,
});
