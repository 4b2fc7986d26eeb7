import check from '../../../src/checks/rds/rds-instance-iam-authentication.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'PostgreSQL with IAM auth',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'accepts IAM database authentication',
    },
    {
      name: 'SQL Server does not offer it',
      snapshot: rdsSnapshot(dbInstance('erp', { Engine: 'sqlserver-se', IAMDatabaseAuthenticationEnabled: false })),
      message: 'runs sqlserver-se, which does not offer IAM database authentication',
    },
  ],
  fail: [
    {
      name: 'PostgreSQL without',
      snapshot: rdsSnapshot(dbInstance('orders', { IAMDatabaseAuthenticationEnabled: false })),
      message: 'database passwords only',
    },
    {
      name: 'MySQL without',
      snapshot: rdsSnapshot(dbInstance('shop', { Engine: 'mysql', IAMDatabaseAuthenticationEnabled: false })),
      message: 'shop (mysql)',
    },
  ],
  unknown: [
    {
      name: "an Aurora member: the cluster's setting decides (RDS.12)",
      snapshot: rdsSnapshot(
        dbInstance('aurora-1', {
          Engine: 'aurora-postgresql',
          DBClusterIdentifier: 'orders',
          IAMDatabaseAuthenticationEnabled: false,
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
