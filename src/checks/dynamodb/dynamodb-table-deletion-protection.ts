import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'dynamodb-table-deletion-protection',
  aliases: ['DynamoDB.6', 'dynamodb_table_deletion_protection_enabled'],
  service: 'dynamodb',
  resource: 'dynamodb-table',
  severity: 'medium',
  title: 'DynamoDB tables have deletion protection enabled',
  description:
    'With deletion protection a table cannot be deleted until the setting is turned off, which guards against an accidental `DeleteTable` (by a person, a script or `terraform destroy`). The check reads `DeletionProtectionEnabled` from DescribeTable; DynamoDB leaves it out when it is off. Security Hub DynamoDB.6.',
  remediation: {
    terraform: `resource "aws_dynamodb_table" "this" {
  # ...
  deletion_protection_enabled = true
}`,
    cli: 'aws dynamodb update-table --table-name TABLE --deletion-protection-enabled --region REGION',
    console:
      'DynamoDB console (in the region) > Tables > TABLE > Additional settings > Deletion protection > Turn on > Confirm.',
  },
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6',
  ],
  needs: ['dynamodb:DescribeTable'],
  triggers: ['CreateTable', 'UpdateTable', 'RestoreTableToPointInTime', 'RestoreTableFromBackup'],
  evaluate(table) {
    const description = known(table.description);
    if (description?.deletionProtection) return pass(`${table.name} has deletion protection enabled`);
    return fail(`${table.name} can be deleted without first turning off deletion protection (it is off)`);
  },
});
