import check from '../../../src/checks/rds/rds-instance-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, dbInstance, rdsSnapshot } from './rds-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'the hardened instance',
      snapshot: rdsSnapshot(dbInstance('orders')),
      message: 'encrypts its storage at rest',
    },
  ],
  fail: [
    {
      name: 'the setting is off',
      snapshot: rdsSnapshot(dbInstance('orders', { StorageEncrypted: false, KmsKeyId: undefined })),
      message: 'does not encrypt its storage',
    },
  ],
  unknown: [
    {
      name: "DescribeDBInstances denied: the region's instances are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on rds:DescribeDBInstances',
    },
  ],
});
