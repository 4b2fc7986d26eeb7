import check from '../../../src/checks/ec2/ec2-ebs-volume-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { REGION, ec2Snapshot } from '../../support/ec2-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

/** One Volumes item as DescribeVolumes returns it (attached, encrypted with the AWS managed key). */
function volume(id: string, overrides: Record<string, unknown> = {}) {
  return {
    Attachments: [
      {
        AttachTime: '2026-05-04T11:20:31.000Z',
        Device: '/dev/xvda',
        InstanceId: 'i-0123456789abcdef0',
        State: 'attached',
        VolumeId: id,
        DeleteOnTermination: true,
      },
    ],
    AvailabilityZone: `${REGION}a`,
    CreateTime: '2026-05-04T11:20:30.512Z',
    Encrypted: true,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/8a9b0c1d-2e3f-4a5b-6c7d-8e9f0a1b2c3d`,
    Size: 30,
    SnapshotId: 'snap-0fedcba9876543210',
    State: 'in-use',
    VolumeId: id,
    Iops: 3000,
    VolumeType: 'gp3',
    MultiAttachEnabled: false,
    Throughput: 125,
    ...overrides,
  };
}

const volumes = (...items: ReturnType<typeof volume>[]) =>
  ec2Snapshot({ [REGION]: { DescribeVolumes: { Volumes: items } } });

testCheck(check, {
  pass: [
    {
      name: 'attached and encrypted',
      snapshot: volumes(volume('vol-0a1b2c3d4e5f60718')),
      message: 'is encrypted with arn:aws:kms',
    },
  ],
  fail: [
    {
      name: 'attached, not encrypted',
      snapshot: volumes(volume('vol-0a1b2c3d4e5f60718', { Encrypted: false, KmsKeyId: undefined })),
      message: 'vol-0a1b2c3d4e5f60718 is not encrypted (attached to i-0123456789abcdef0)',
    },
    {
      name: 'detached, not encrypted',
      snapshot: volumes(
        volume('vol-0a1b2c3d4e5f60718', { Encrypted: false, KmsKeyId: undefined, Attachments: [], State: 'available' }),
      ),
      message: 'not attached',
    },
  ],
  unknown: [
    {
      name: "DescribeVolumes denied: the region's volumes are hidden",
      snapshot: ec2Snapshot({
        [REGION]: {
          DescribeVolumes: awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.'),
        },
      }),
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:volume/*`,
      message: 'UnauthorizedOperation on ec2:DescribeVolumes',
    },
  ],
});
