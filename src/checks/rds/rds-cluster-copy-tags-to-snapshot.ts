import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-cluster-copy-tags-to-snapshot',
  aliases: ['RDS.16', 'rds_cluster_copy_tags_to_snapshots'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'low',
  title: 'RDS DB clusters copy their tags to snapshots',
  description:
    "Tags carry ownership, data classification and the conditions of tag-based IAM policies; a snapshot taken without them escapes those policies and inventories. With CopyTagsToSnapshot every snapshot of the cluster gets the cluster's tags. Security Hub RDS.16.",
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  copy_tags_to_snapshot = true
}`,
    cli: `aws rds modify-db-cluster --db-cluster-identifier CLUSTER --copy-tags-to-snapshot --apply-immediately --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER > Modify > Backup > "Copy tags to snapshots" > Continue > Apply immediately.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Tagging.html#USER_Tagging.CopyTags',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-16',
  ],
  needs: ['rds:DescribeDBClusters'],
  triggers: [
    'CreateDBCluster',
    'ModifyDBCluster',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromS3',
  ],
  evaluate(cluster) {
    if (cluster.copyTagsToSnapshot) return pass(`${cluster.id} copies its tags to its snapshots`);
    return fail(`${cluster.id} takes snapshots without its tags`);
  },
});
