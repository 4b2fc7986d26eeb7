import check from '../../../src/checks/ec2/ec2-ebs-snapshot-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ec2Snapshot, REGION } from '../../support/ec2-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

const ID = 'snap-0123456789abcdef0';
/** A Snapshots item as DescribeSnapshots returns it. */
const item = (id: string, owner = ACCOUNT_ID) => ({
  SnapshotId: id,
  VolumeId: 'vol-0aa',
  Encrypted: false,
  OwnerId: owner,
  State: 'completed',
  StartTime: '2026-10-01T03:00:00.000Z',
  VolumeSize: 8,
  Description: 'nightly',
});
const DENIED = awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');

/** The region's own snapshots, the `RestorableByUserIds: all` listing and per-snapshot attributes as given. */
const region = (entry: { publicListing?: unknown; attribute?: unknown; listed?: ReturnType<typeof item>[] }) =>
  ec2Snapshot({
    [REGION]: {
      DescribeSnapshots: { Snapshots: entry.listed ?? [item(ID)] },
      ...(entry.publicListing === undefined ? {} : { DescribeSnapshotsRestorableByAll: entry.publicListing as never }),
      ...(entry.attribute === undefined ? {} : { DescribeSnapshotAttribute: { [ID]: entry.attribute as never } }),
    },
  });

testCheck(check, {
  pass: [
    { name: 'not in the public listing', snapshot: region({ publicListing: { Snapshots: [] } }), message: 'private' },
    {
      name: "the public listing names only another account's snapshot with the same id form",
      snapshot: region({ publicListing: { Snapshots: [item('snap-0ffffffffffffffff', '999988887777')] } }),
      message: 'private',
    },
    {
      name: 'public listing failed: the attribute (asked instead) shares with one account',
      snapshot: region({
        publicListing: DENIED,
        attribute: { SnapshotId: ID, CreateVolumePermissions: [{ UserId: '111122223333' }] },
      }),
      message: '1 named account',
    },
    {
      name: 'older snapshot: attribute only, private',
      snapshot: region({ attribute: { SnapshotId: ID, CreateVolumePermissions: [] } }),
      message: 'private',
    },
  ],
  fail: [
    {
      name: 'in the public listing',
      snapshot: region({ publicListing: { Snapshots: [item(ID)] } }),
      message: 'anyone can restore this snapshot',
    },
    {
      name: 'older snapshot: attribute grants group all',
      snapshot: region({ attribute: { SnapshotId: ID, CreateVolumePermissions: [{ Group: 'all' }] } }),
      message: 'group "all"',
    },
  ],
  unknown: [
    {
      name: 'public listing denied and no attribute',
      snapshot: region({ publicListing: DENIED }),
      message: 'UnauthorizedOperation on ec2:DescribeSnapshotsRestorableByAll',
    },
    {
      name: 'neither collected',
      snapshot: region({}),
      message: 'ec2:DescribeSnapshotsRestorableByAll was not collected',
    },
    {
      name: 'public listing denied and the attribute denied too',
      snapshot: region({ publicListing: DENIED, attribute: DENIED }),
      message: 'UnauthorizedOperation on ec2:DescribeSnapshotAttribute',
    },
  ],
});
