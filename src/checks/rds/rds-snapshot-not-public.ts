import { defineCheck } from '../define-check.ts';
import { snapshotNotPublicVerdict } from './snapshot-verdicts.ts';

export default defineCheck({
  id: 'rds-snapshot-not-public',
  aliases: ['RDS.1', 'rds_snapshots_public_access'],
  service: 'rds',
  resource: 'rds-snapshot',
  severity: 'critical',
  title: 'RDS DB snapshots are not public',
  description:
    'A manual DB snapshot whose restore attribute holds `all` can be copied or restored by any AWS account: the whole database, with its data, leaves the account. Automated snapshots cannot be shared and pass. Security Hub RDS.1 (DB snapshots; cluster snapshots: rds-cluster-snapshot-not-public).',
  remediation: {
    terraform: `resource "aws_db_snapshot" "this" {
  # ...
  db_snapshot_identifier = "SNAPSHOT"
  shared_accounts = ["111122223333"] # named accounts only, never "all"
}`,
    cli: `aws rds modify-db-snapshot-attribute --db-snapshot-identifier SNAPSHOT --attribute-name restore --values-to-remove all --region REGION`,
    console:
      'RDS console (in the region) > Snapshots > Manual > SNAPSHOT > Actions > Share snapshot > DB snapshot visibility: Private > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1',
  ],
  needs: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'],
  triggers: ['CreateDBSnapshot', 'CopyDBSnapshot', 'ModifyDBSnapshotAttribute'],
  evaluate(snapshot) {
    // the engine reads DescribeDBSnapshotAttributes first: an error or a missing answer is unknown before this runs
    return snapshotNotPublicVerdict(
      snapshot,
      snapshot.restoreAccounts.kind === 'present' ? snapshot.restoreAccounts.value : [],
    );
  },
});
