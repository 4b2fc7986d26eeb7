import { defineCheck, fail, pass } from '../define-check.ts';

/** Security Hub's default `MinRetentionPeriod` for Redshift.3. */
const MINIMUM_DAYS = 7;

export default defineCheck({
  id: 'redshift-cluster-automated-snapshots',
  aliases: ['Redshift.3', 'redshift_cluster_automated_snapshot'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: `Redshift clusters keep automated snapshots for at least ${MINIMUM_DAYS} days`,
  description: `Automated snapshots are the cluster's point-in-time backups; a retention of 0 turns them off and a short one leaves little time to notice a bad load or a deletion. The check reads \`AutomatedSnapshotRetentionPeriod\` from DescribeClusters and fails below ${MINIMUM_DAYS} days. Security Hub Redshift.3.`,
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ...
  automated_snapshot_retention_period = ${MINIMUM_DAYS}
}`,
    cli: `aws redshift modify-cluster --cluster-identifier CLUSTER --automated-snapshot-retention-period ${MINIMUM_DAYS} --region REGION`,
    console: `Amazon Redshift console (in the region) > Clusters > CLUSTER > Maintenance > Backup details > Edit > Automated snapshot retention period: ${MINIMUM_DAYS} days or more > Save changes.`,
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#about-automated-snapshots',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    const days = cluster.snapshotRetentionDays ?? 0;
    if (days === 0) return fail(`${cluster.id} has automated snapshots turned off (retention 0 days)`);
    if (days < MINIMUM_DAYS)
      return fail(`${cluster.id} keeps automated snapshots for ${days} day(s), fewer than ${MINIMUM_DAYS}`);
    return pass(`${cluster.id} keeps automated snapshots for ${days} days`);
  },
});
