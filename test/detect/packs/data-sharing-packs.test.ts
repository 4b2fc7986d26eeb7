// data-sharing.yaml: AMIs, EBS snapshots and RDS snapshots shared with another account or with everyone.
import { describe, expect, it } from 'vitest';
import { alertsOf } from '../engine/support.ts';
import { ACCOUNT, builtinMatcher, byService, describePack, expandCases, OTHER_ACCOUNT } from './pack-cases.ts';
import { apiCall, awsService, readOnlyCall, ssoSession } from './records.ts';

type Items = Record<string, string>[];

const ok = { _return: true, requestId: '7b6a3d30-5a4b-4c3f-9a1e-2f0c7d1e8a90' };

/** ModifyImageAttribute (launchPermission) and ModifySnapshotAttribute (createVolumePermission), as EC2 records them */
const ec2Shares = {
  image: {
    name: 'ModifyImageAttribute',
    id: { imageId: 'ami-0abcdef1234567890' },
    attributeType: 'launchPermission',
    key: 'launchPermission',
  },
  snapshot: {
    name: 'ModifySnapshotAttribute',
    id: { snapshotId: 'snap-066877671789bd71b' },
    attributeType: 'CREATE_VOLUME_PERMISSION',
    key: 'createVolumePermission',
  },
};

function ec2Permission(
  kind: keyof typeof ec2Shares,
  change: { add?: Items; remove?: Items },
  identity?: Record<string, unknown>,
) {
  const share = ec2Shares[kind];
  const permission: Record<string, unknown> = {};
  if (change.add) permission.add = { items: change.add };
  if (change.remove) permission.remove = { items: change.remove };
  return apiCall({
    source: 'ec2.amazonaws.com',
    name: share.name,
    request: { ...share.id, attributeType: share.attributeType, [share.key]: permission },
    response: ok,
    identity,
  });
}

const amiPermission = (change: { add?: Items; remove?: Items }, identity?: Record<string, unknown>) =>
  ec2Permission('image', change, identity);
const snapshotPermission = (change: { add?: Items; remove?: Items }, identity?: Record<string, unknown>) =>
  ec2Permission('snapshot', change, identity);

function dbSnapshotRestore(change: { add?: string[]; remove?: string[] }, identity?: Record<string, unknown>) {
  const values = [...(change.add ?? [])];
  return apiCall({
    source: 'rds.amazonaws.com',
    name: 'ModifyDBSnapshotAttribute',
    request: {
      dBSnapshotIdentifier: 'orders-2024-09-12',
      attributeName: 'restore',
      ...(change.add ? { valuesToAdd: change.add } : {}),
      ...(change.remove ? { valuesToRemove: change.remove } : {}),
    },
    response: {
      dBSnapshotIdentifier: 'orders-2024-09-12',
      dBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: values }],
    },
    identity,
  });
}

function dbClusterSnapshotRestore(add: string[]) {
  return apiCall({
    source: 'rds.amazonaws.com',
    name: 'ModifyDBClusterSnapshotAttribute',
    request: { dBClusterSnapshotIdentifier: 'aurora-orders-2024-09-12', attributeName: 'restore', valuesToAdd: add },
    response: {
      dBClusterSnapshotIdentifier: 'aurora-orders-2024-09-12',
      dBClusterSnapshotAttributes: [{ attributeName: 'restore', attributeValues: add }],
    },
  });
}

const describeImageAttribute = readOnlyCall('ec2.amazonaws.com', 'DescribeImageAttribute', {
  imageId: 'ami-0abcdef1234567890',
  attribute: 'launchPermission',
});
const describeSnapshotAttribute = readOnlyCall('ec2.amazonaws.com', 'DescribeSnapshotAttribute', {
  snapshotId: 'snap-066877671789bd71b',
  attribute: 'createVolumePermission',
});
const describeDbSnapshotAttributes = readOnlyCall('rds.amazonaws.com', 'DescribeDBSnapshotAttributes', {
  dBSnapshotIdentifier: 'orders-2024-09-12',
});
const orgArn = 'arn:aws:organizations::111122223333:organization/o-exampleorgid';

describePack(
  'data-sharing.yaml',
  expandCases([
    {
      rule: 'EC2 AMI Made Public',
      fires: [
        [amiPermission({ add: [{ group: 'all' }] }), 'launch permission for group all'],
        [
          amiPermission({ add: [{ userId: OTHER_ACCOUNT }, { group: 'all' }] }, ssoSession),
          'an account and everyone, by an SSO admin',
        ],
      ],
      quiet: [
        [amiPermission({ remove: [{ group: 'all' }] }), 'made private again'],
        [amiPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'one other account (the next rule)'],
        [describeImageAttribute, 'read-only: launch permissions looked at'],
      ],
    },
    {
      rule: 'EC2 AMI Shared With Another Account',
      fires: [
        [amiPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'launch permission for another account'],
        [amiPermission({ add: [{ userId: ACCOUNT }, { userId: OTHER_ACCOUNT }] }), 'own account listed with another'],
      ],
      quiet: [
        [amiPermission({ add: [{ group: 'all' }] }), 'public: reported once, by the rule above'],
        [amiPermission({ add: [{ userId: ACCOUNT }] }), 'shared with its own account'],
        [amiPermission({ add: [{ organizationArn: orgArn }] }), 'shared with its own organization'],
        [amiPermission({ remove: [{ userId: OTHER_ACCOUNT }] }), 'share removed'],
        [
          byService(amiPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'backup.amazonaws.com'),
          'AWS Backup copying on its plan (invokedBy backup.amazonaws.com)',
        ],
        [describeImageAttribute, 'read-only: launch permissions looked at'],
      ],
    },
    {
      rule: 'EBS Snapshot Made Public',
      fires: [[snapshotPermission({ add: [{ group: 'all' }] }), 'create-volume permission for group all']],
      quiet: [
        [snapshotPermission({ remove: [{ group: 'all' }] }), 'made private again'],
        [snapshotPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'one other account (the next rule)'],
        [describeSnapshotAttribute, 'read-only: permissions looked at'],
      ],
    },
    {
      rule: 'EBS Snapshot Shared With Another Account',
      fires: [
        [snapshotPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'create-volume permission for another account'],
        [
          snapshotPermission({ add: [{ userId: OTHER_ACCOUNT }] }, ssoSession),
          'by a federated SSO admin: still leaves the account',
        ],
      ],
      quiet: [
        [snapshotPermission({ add: [{ group: 'all' }] }), 'public: reported by the rule above'],
        [snapshotPermission({ add: [{ userId: ACCOUNT }] }), 'shared with its own account'],
        [snapshotPermission({ remove: [{ userId: OTHER_ACCOUNT }] }), 'share removed'],
        [
          byService(snapshotPermission({ add: [{ userId: OTHER_ACCOUNT }] }), 'backup.amazonaws.com'),
          'AWS Backup cross-account copy',
        ],
        [
          snapshotPermission({ add: [{ userId: OTHER_ACCOUNT }] }, awsService('ec2.amazonaws.com')),
          'AWS acting on its own',
        ],
        [describeSnapshotAttribute, 'read-only: permissions looked at'],
      ],
    },
    {
      rule: 'RDS Snapshot Made Public',
      fires: [
        [dbSnapshotRestore({ add: ['all'] }), 'DB snapshot restorable by all'],
        [dbClusterSnapshotRestore(['all']), 'Aurora cluster snapshot restorable by all'],
      ],
      quiet: [
        [dbSnapshotRestore({ remove: ['all'] }), 'made private again'],
        [dbSnapshotRestore({ add: [OTHER_ACCOUNT] }), 'one other account (the next rule)'],
        [describeDbSnapshotAttributes, 'read-only: attributes looked at'],
      ],
    },
    {
      rule: 'RDS Snapshot Shared With Another Account',
      fires: [
        [dbSnapshotRestore({ add: [OTHER_ACCOUNT] }), 'DB snapshot restorable by another account'],
        [dbClusterSnapshotRestore([OTHER_ACCOUNT]), 'Aurora cluster snapshot restorable by another account'],
      ],
      quiet: [
        [dbSnapshotRestore({ add: ['all'] }), 'public: reported by the rule above'],
        [dbSnapshotRestore({ add: [ACCOUNT] }), 'shared with its own account'],
        [dbSnapshotRestore({ remove: [OTHER_ACCOUNT] }), 'share removed'],
        [
          byService(dbSnapshotRestore({ add: [OTHER_ACCOUNT] }), 'backup.amazonaws.com'),
          'AWS Backup cross-account copy',
        ],
        [describeDbSnapshotAttributes, 'read-only: attributes looked at'],
      ],
    },
  ]),
  ['aws.exfiltration.ec2-share-ami', 'aws.exfiltration.ec2-share-ebs-snapshot', 'aws.exfiltration.rds-share-snapshot'],
);

describe('data-sharing alerts', () => {
  it('name the image, every grantee the request adds, the caller and where', () => {
    const record = amiPermission({ add: [{ userId: ACCOUNT }, { userId: OTHER_ACCOUNT }] });
    const alert = alertsOf(builtinMatcher, JSON.stringify(record)).find(
      (a) => a.rule === 'EC2 AMI Shared With Another Account',
    );
    expect(alert).toMatchObject({
      priority: 'ERROR',
      tags: expect.arrayContaining(['T1537', 'stratus_aws.exfiltration.ec2-share-ami']),
    });
    expect(alert?.output).toBe(
      `AMI shared with another account (image=ami-0abcdef1234567890 shared with=${ACCOUNT},${OTHER_ACCOUNT} by=alice ` +
        `arn=arn:aws:iam::${ACCOUNT}:user/alice ip=203.0.113.10 region=us-east-1 account=${ACCOUNT})`,
    );
  });
});
