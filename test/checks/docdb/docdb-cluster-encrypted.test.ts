import check from '../../../src/checks/docdb/docdb-cluster-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { clusterCase, deniedCase } from '../../support/db-cluster-builders.ts';

testCheck(check, {
  pass: [clusterCase('docdb', 'encrypted with a KMS key', {}, 'encrypts its storage at rest with arn:aws:kms')],
  fail: [
    clusterCase(
      'docdb',
      'created without encryption',
      { StorageEncrypted: false, KmsKeyId: undefined },
      'does not encrypt its storage at rest',
    ),
  ],
  unknown: [deniedCase('docdb')],
});
