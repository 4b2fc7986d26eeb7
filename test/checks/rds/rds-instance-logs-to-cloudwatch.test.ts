import check from '../../../src/checks/rds/rds-instance-logs-to-cloudwatch.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'PostgreSQL: postgresql and upgrade',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'publishes postgresql, upgrade logs',
    },
    {
      name: 'MySQL: all four',
      snapshot: rdsSnapshot(
        dbInstance('shop', {
          Engine: 'mysql',
          EnabledCloudwatchLogsExports: ['error', 'slowquery', 'general', 'audit'],
        }),
      ),
      message: 'publishes audit, error, general, slowquery logs',
    },
    {
      name: 'an engine outside the list with one export',
      snapshot: rdsSnapshot(dbInstance('ledger', { Engine: 'db2-se', EnabledCloudwatchLogsExports: ['diag.log'] })),
      message: 'publishes diag.log',
    },
  ],
  fail: [
    {
      name: 'no exports',
      snapshot: rdsSnapshot(dbInstance('orders', { EnabledCloudwatchLogsExports: undefined })),
      message: 'does not publish postgresql, upgrade logs',
    },
    {
      name: 'MySQL with the error log only',
      snapshot: rdsSnapshot(dbInstance('shop', { Engine: 'mysql', EnabledCloudwatchLogsExports: ['error'] })),
      message: 'does not publish audit, general, slowquery logs to CloudWatch Logs (only error)',
    },
    {
      name: 'Oracle without the listener log',
      snapshot: rdsSnapshot(
        dbInstance('erp', { Engine: 'oracle-ee', EnabledCloudwatchLogsExports: ['alert', 'audit', 'trace'] }),
      ),
      message: 'does not publish listener',
    },
  ],
  unknown: [
    {
      name: "an Aurora member: the cluster's exports decide",
      snapshot: rdsSnapshot(
        dbInstance('aurora-1', {
          Engine: 'aurora-postgresql',
          DBClusterIdentifier: 'orders',
          EnabledCloudwatchLogsExports: undefined,
        }),
      ),
      message: 'member of cluster orders',
    },
    {
      name: "DescribeDBInstances denied: the region's instances are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on rds:DescribeDBInstances',
    },
  ],
});
