import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'dynamodb-table-pitr-enabled',
  aliases: ['DynamoDB.2', 'AVD-AWS-0024', 'dynamodb_tables_pitr_enabled'],
  service: 'dynamodb',
  resource: 'dynamodb-table',
  severity: 'medium',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  description:
    'Point-in-time recovery (PITR) keeps continuous backups of a table, so it can be restored to any second of the recovery period after an accidental write or delete. The check reads `PointInTimeRecoveryStatus` from DescribeContinuousBackups and fails when it is `DISABLED`. Security Hub DynamoDB.2.',
  remediation: {
    terraform: `resource "aws_dynamodb_table" "this" {
  # ...
  point_in_time_recovery {
    enabled = true
  }
}`,
    cli: 'aws dynamodb update-continuous-backups --table-name TABLE --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region REGION',
    console:
      'DynamoDB console (in the region) > Tables > TABLE > Backups > Point-in-time recovery (PITR) > Edit > Turn on point-in-time recovery > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2',
  ],
  needs: ['dynamodb:DescribeContinuousBackups'],
  triggers: ['CreateTable', 'UpdateContinuousBackups', 'RestoreTableToPointInTime', 'RestoreTableFromBackup'],
  evaluate(table) {
    const pitr = known(table.pointInTimeRecovery);
    if (pitr?.status === 'ENABLED')
      return pass(
        `${table.name} has point-in-time recovery enabled${pitr.recoveryDays === undefined ? '' : ` (${pitr.recoveryDays} days)`}`,
      );
    if (pitr?.status === 'DISABLED') return fail(`${table.name} has point-in-time recovery disabled`);
    return inconclusive(
      `${table.name}: DescribeContinuousBackups gave no point-in-time recovery status`,
      'DynamoDB did not say whether point-in-time recovery is on',
    );
  },
});
