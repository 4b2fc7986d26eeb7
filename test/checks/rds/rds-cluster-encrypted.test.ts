import check from '../../../src/checks/rds/rds-cluster-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('rds', 'encrypted with a KMS key', {}, 'encrypts its storage at rest with arn:aws:kms:')],
  fail: [
    clusterCase(
      'rds',
      'created without StorageEncrypted',
      { StorageEncrypted: false, KmsKeyId: undefined },
      'does not encrypt its storage at rest',
    ),
  ],
  unknown: [deniedCase('rds')],
});
