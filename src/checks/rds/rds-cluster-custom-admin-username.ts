import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { DEFAULT_ADMIN_USERNAMES } from './admin-username.ts';

export default defineCheck({
  id: 'rds-cluster-custom-admin-username',
  aliases: ['RDS.24', 'rds_cluster_default_admin'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'RDS DB clusters use a custom administrator username',
  description:
    '`admin` (MySQL engines) and `postgres` (PostgreSQL engines) are the master usernames the console proposes and the first ones a password-guessing attacker tries; another name leaves only the password to guess. The master username cannot be changed: the cluster is replaced from a snapshot restored under a new one. Security Hub RDS.24.',
  remediation: {
    terraform: `resource "aws_rds_cluster" "this" {
  # ...
  master_username             = "orders_owner" # not admin or postgres
  manage_master_user_password = true
}`,
    cli: `aws rds restore-db-cluster-from-snapshot --db-cluster-identifier CLUSTER-new --snapshot-identifier SNAPSHOT --engine ENGINE --region REGION
# then, on the new cluster's database, create a differently named administrator and drop the default one`,
    console:
      'RDS console (in the region) > Databases > Create database > Master username: a name other than admin or postgres; migrate the data (snapshot restore or replication) and retire the old cluster.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.MasterAccounts.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-24',
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
    const username = cluster.masterUsername;
    if (username === undefined)
      return inconclusive(
        `${cluster.id}'s master username is not in the listing`,
        'MasterUsername missing from DescribeDBClusters',
      );
    if (DEFAULT_ADMIN_USERNAMES.has(username))
      return fail(`${cluster.id} (${cluster.engine}) keeps the default master username ${username}`);
    return pass(`${cluster.id} uses the custom master username ${username}`);
  },
});
