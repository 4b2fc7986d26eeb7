import check from '../../../src/checks/neptune/neptune-cluster-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('neptune', 'encrypted with a KMS key', {}, 'encrypts its storage at rest with arn:aws:kms')],
  fail: [
    clusterCase(
      'neptune',
      'created without encryption',
      { StorageEncrypted: false, KmsKeyId: undefined },
      'does not encrypt its storage at rest',
    ),
  ],
  unknown: [deniedCase('neptune')],
});
