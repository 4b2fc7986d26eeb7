import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-cluster-auto-minor-version-upgrade',
  aliases: ['RDS.35', 'rds_cluster_minor_version_upgrade_enabled'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'RDS DB clusters apply minor engine versions automatically',
  description:
    "Minor engine versions carry security fixes; with AutoMinorVersionUpgrade RDS applies them in the cluster's maintenance window instead of waiting for someone to schedule each one. A listing that does not report the setting leaves the verdict unknown. Security Hub RDS.35.",
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  auto_minor_version_upgrade = true
}`,
    cli: `aws rds modify-db-cluster --db-cluster-identifier CLUSTER --auto-minor-version-upgrade --apply-immediately --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER > Modify > Maintenance > "Enable auto minor version upgrade" > Continue > Apply immediately.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.Maintenance.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-35',
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
    const enabled = cluster.autoMinorVersionUpgrade;
    if (enabled === undefined)
      return inconclusive(
        `${cluster.id}'s automatic minor version upgrade setting is not in the listing`,
        'AutoMinorVersionUpgrade missing from DescribeDBClusters',
      );
    if (enabled) return pass(`${cluster.id} applies minor engine versions automatically`);
    return fail(`${cluster.id} (${cluster.engine}) waits for someone to apply each minor engine version`);
  },
});
