import check from '../../../src/checks/efs/efs-file-system-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

const REGION = 'us-east-1';

/** One FileSystems item as DescribeFileSystems returns it (encrypted with the AWS managed key). */
function fileSystem(id: string, overrides: Record<string, unknown> = {}) {
  return {
    OwnerId: ACCOUNT_ID,
    CreationToken: `console-${id}`,
    FileSystemId: id,
    FileSystemArn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT_ID}:file-system/${id}`,
    CreationTime: '2026-03-11T14:27:08+00:00',
    LifeCycleState: 'available',
    Name: 'shared-home',
    NumberOfMountTargets: 2,
    SizeInBytes: { Value: 6144, ValueInIA: 0, ValueInStandard: 6144 },
    PerformanceMode: 'generalPurpose',
    Encrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`,
    ThroughputMode: 'elastic',
    Tags: [{ Key: 'Name', Value: 'shared-home' }],
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
    ...overrides,
  };
}

const efs = (...fileSystems: ReturnType<typeof fileSystem>[]) =>
  snapshotOf({ efs: { [REGION]: { DescribeFileSystems: { FileSystems: fileSystems } } } });

testCheck(check, {
  pass: [
    {
      name: 'encrypted with a KMS key',
      snapshot: efs(fileSystem('fs-0123456789abcdef0')),
      message: 'encrypts its data at rest with arn:aws:kms',
    },
  ],
  fail: [
    {
      name: 'created without encryption',
      snapshot: efs(fileSystem('fs-0fedcba9876543210', { Encrypted: false, KmsKeyId: undefined, Name: undefined })),
      message: 'fs-0fedcba9876543210 does not encrypt its data at rest',
    },
  ],
  unknown: [
    {
      name: "DescribeFileSystems denied: the region's file systems are hidden",
      snapshot: snapshotOf({
        efs: {
          [REGION]: {
            DescribeFileSystems: awsError(
              'AccessDeniedException',
              `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: elasticfilesystem:DescribeFileSystems`,
            ),
          },
        },
      }),
      arn: `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT_ID}:file-system/*`,
      message: 'AccessDeniedException on efs:DescribeFileSystems',
    },
  ],
});
