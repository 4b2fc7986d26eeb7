import { defineCheck } from '../define-check.ts';
import { deletionProtectionVerdict } from '../db-cluster-verdicts.ts';

export default defineCheck({
  id: 'neptune-cluster-deletion-protection',
  aliases: ['Neptune.4', 'neptune_cluster_deletion_protection'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'low',
  title: 'Neptune DB clusters have deletion protection enabled',
  description:
    'A cluster with deletion protection cannot be deleted, by mistake or by a compromised principal, until someone allowed to modify it turns the protection off first. The console turns it on for new production clusters; CreateDBCluster and infrastructure as code leave it off by default. Security Hub Neptune.4.',
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  # ...
  deletion_protection = true
}`,
    cli: `aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately --region REGION`,
    console:
      'Neptune console (in the region) > Clusters > CLUSTER > Modify > Deletion protection: Enable > Continue > Apply immediately.',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-4'],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate: deletionProtectionVerdict,
});
