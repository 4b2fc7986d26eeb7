import check from '../../../src/checks/ec2/ec2-ebs-default-encryption.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'enabled',
      snapshot: ec2Snapshot({
        [REGION]: { GetEbsEncryptionByDefault: { EbsEncryptionByDefault: true, SseType: 'sse-ebs' } },
      }),
      message: 'encrypted by default',
    },
  ],
  fail: [
    {
      name: 'disabled',
      snapshot: ec2Snapshot({
        [REGION]: { GetEbsEncryptionByDefault: { EbsEncryptionByDefault: false, SseType: 'sse-ebs' } },
      }),
      message: 'off in ap-northeast-1',
    },
  ],
  unknown: [
    {
      name: 'denied',
      snapshot: ec2Snapshot({
        [REGION]: {
          GetEbsEncryptionByDefault: awsError(
            'UnauthorizedOperation',
            'You are not authorized to perform this operation.',
          ),
        },
      }),
      message: 'UnauthorizedOperation',
    },
  ],
});
