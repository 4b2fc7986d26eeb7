import { defineCheck, fail, pass } from '../define-check.ts';
import { clusterDecides } from './cluster-member.ts';

export default defineCheck({
  id: 'rds-instance-copy-tags-to-snapshot',
  aliases: ['RDS.17', 'rds_instance_copy_tags_to_snapshots'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'low',
  title: 'RDS DB instances copy their tags to snapshots',
  description:
    "Tags name a snapshot's owner, data classification and cost centre; without CopyTagsToSnapshot the automated and manual snapshots of the instance carry none, so tag-based access policies and inventories miss them (Security Hub RDS.17). For an Aurora member the setting is the cluster's (RDS.16), so it is unknown here.",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  copy_tags_to_snapshot = true
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --copy-tags-to-snapshot --apply-immediately --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Additional configuration > Backup > "Copy tags to snapshots" > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.copyTagsToSnapshot) return pass(`${db.identifier} copies its tags to snapshots`);
    return (
      clusterDecides(db, 'CopyTagsToSnapshot setting') ??
      fail(`${db.identifier} (${db.engine}) does not copy its tags to snapshots`)
    );
  },
});
