import check from '../../../src/checks/ec2/ec2-ebs-snapshot-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ID = 'snap-0123456789abcdef0';
const withAttribute = (attribute: unknown) =>
  ec2Snapshot({
    [REGION]: {
      DescribeSnapshots: {
        Snapshots: [
          { SnapshotId: ID, VolumeId: 'vol-0aa', Encrypted: false, OwnerId: '123456789012', State: 'completed' },
        ],
      },
      ...(attribute === undefined ? {} : { DescribeSnapshotAttribute: { [ID]: attribute as never } }),
    },
  });

testCheck(check, {
  pass: [
    { name: 'private', snapshot: withAttribute({ SnapshotId: ID, CreateVolumePermissions: [] }), message: 'private' },
    {
      name: 'shared with one account',
      snapshot: withAttribute({ SnapshotId: ID, CreateVolumePermissions: [{ UserId: '111122223333' }] }),
      message: '1 named account',
    },
  ],
  fail: [
    {
      name: 'group all',
      snapshot: withAttribute({ SnapshotId: ID, CreateVolumePermissions: [{ Group: 'all' }] }),
      message: 'group "all"',
    },
  ],
  unknown: [
    {
      name: 'attribute not collected (beyond the per-region bound)',
      snapshot: withAttribute(undefined),
      message: 'ec2:DescribeSnapshotAttribute was not collected',
    },
    {
      name: 'attribute denied',
      snapshot: withAttribute(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')),
      message: 'UnauthorizedOperation on ec2:DescribeSnapshotAttribute',
    },
  ],
});
