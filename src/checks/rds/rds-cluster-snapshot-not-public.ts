import { defineCheck } from '../define-check.ts';
import { snapshotNotPublicVerdict } from './snapshot-verdicts.ts';

export default defineCheck({
  id: 'rds-cluster-snapshot-not-public',
  aliases: ['RDS.1', 'rds_snapshots_public_access'],
  service: 'rds',
  resource: 'rds-cluster-snapshot',
  severity: 'critical',
  title: 'RDS DB cluster snapshots are not public',
  description:
    "A manual cluster snapshot whose restore attribute holds `all` can be copied or restored by any AWS account: the whole Aurora or Multi-AZ cluster volume leaves the account. Automated snapshots cannot be shared and pass; DocumentDB's and Neptune's cluster snapshots are not judged here. Security Hub RDS.1.",
  remediation: {
    terraform: `resource "aws_db_cluster_snapshot" "this" {
  # ...
  db_cluster_snapshot_identifier = "SNAPSHOT"
  shared_accounts = ["111122223333"] # named accounts only, never "all"
}`,
    cli: `aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier SNAPSHOT --attribute-name restore --values-to-remove all --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > Manual > SNAPSHOT (cluster snapshot) > Actions > Share snapshot > DB snapshot visibility: Private > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-share-snapshot.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1',
  ],
  needs: ['rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes'],
  triggers: ['CreateDBClusterSnapshot', 'CopyDBClusterSnapshot', 'ModifyDBClusterSnapshotAttribute'],
  evaluate(snapshot) {
    // the engine reads DescribeDBClusterSnapshotAttributes first: an error or a missing answer is unknown before this runs
    return snapshotNotPublicVerdict(
      snapshot,
      snapshot.restoreAccounts.kind === 'present' ? snapshot.restoreAccounts.value : [],
    );
  },
});
