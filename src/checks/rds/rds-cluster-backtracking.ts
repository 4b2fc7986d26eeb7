import { defineCheck, fail, pass } from '../define-check.ts';

/** Backtracking exists for Aurora MySQL only (`aurora` is the engine name of Aurora MySQL 1). */
const BACKTRACK_ENGINES = new Set(['aurora-mysql', 'aurora']);

export default defineCheck({
  id: 'rds-cluster-backtracking',
  aliases: ['RDS.14', 'rds_cluster_backtrack_enabled'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'Aurora MySQL clusters have backtracking enabled',
  description:
    'Backtracking rewinds an Aurora MySQL cluster in place to a point within its backtrack window, in minutes and without restoring a new cluster, which undoes a destructive statement or a bad deployment quickly. It can only be turned on when the cluster is created or restored. Other engines pass, saying backtracking does not exist for them. Security Hub RDS.14.',
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  engine = "aurora-mysql"
  # ...
  backtrack_window = 86400 # seconds (24 hours; at most 72 hours)
}`,
    cli: `aws rds restore-db-cluster-to-point-in-time --source-db-cluster-identifier CLUSTER --db-cluster-identifier CLUSTER-backtrack --use-latest-restorable-time --backtrack-window 86400 --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER > Actions > Restore to point in time > Latest restorable time > Backtrack: "Enable Backtrack" with a target window > Restore; move clients to the new cluster.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-14',
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
    if (!BACKTRACK_ENGINES.has(cluster.engine))
      return pass(`${cluster.id} runs ${cluster.engine}: backtracking exists for Aurora MySQL only`);
    const seconds = cluster.backtrackWindowSeconds;
    if (seconds > 0) return pass(`${cluster.id} can be backtracked up to ${seconds / 3600} hour(s)`);
    return fail(
      `${cluster.id} (${cluster.engine}) has backtracking off: undoing a change means restoring a new cluster`,
    );
  },
});
