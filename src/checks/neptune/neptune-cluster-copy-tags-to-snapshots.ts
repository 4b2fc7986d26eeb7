import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'neptune-cluster-copy-tags-to-snapshots',
  aliases: ['Neptune.8', 'neptune_cluster_copy_tags_to_snapshots'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'low',
  title: 'Neptune DB clusters copy their tags to snapshots',
  description:
    'Tags carry ownership, data classification and the conditions of tag-based access policies; a snapshot that does not inherit them escapes those policies and inventories. The check fails when `CopyTagsToSnapshot` is off. Security Hub Neptune.8.',
  remediation: {
    terraform: `resource "aws_neptune_cluster" "this" {
  # ...
  copy_tags_to_snapshot = true
}`,
    cli: `aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --copy-tags-to-snapshot --apply-immediately --region REGION`,
    console:
      'Neptune console (in the region) > Clusters > CLUSTER > Modify > Copy tags to snapshots > Continue > Apply immediately.',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-8'],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'ModifyDBCluster', 'RestoreDBClusterFromSnapshot', 'RestoreDBClusterToPointInTime'],
  evaluate(cluster) {
    if (cluster.copyTagsToSnapshot) return pass(`${cluster.id} copies its tags to its snapshots`);
    return fail(`${cluster.id} does not copy its tags to its snapshots`);
  },
});
