import { defineServiceState, notCollected, resourceArn, type StateOperation } from '../define-state.ts';
import type { Ec2Snapshot, Ec2State, Ec2Vpc } from './model.ts';
import { normaliseEc2 } from './normalise.ts';

/**
 * A regional listing (`ec2:DescribeSecurityGroups`…) as seen in the region of the resource being checked:
 * checks that read across resources (an instance's security groups) name it in `needs` and become `unknown`
 * when the region's listing failed.
 */
function listing(operation: string): StateOperation<Ec2State, { region: string }> {
  return {
    scope: 'account',
    read: (state, resource) => state.regions[resource.region]?.listings[operation] ?? notCollected(`ec2:${operation}`),
  };
}

function regionSetting(
  field: 'ebsEncryptionByDefault' | 'instanceMetadataDefaults',
  operation: string,
): StateOperation<Ec2State, { region: string }> {
  return {
    scope: 'region',
    read: (state, resource) => state.regions[resource.region]?.[field] ?? notCollected(`ec2:${operation}`),
  };
}

/** Amazon EC2 in the account state: `state.ec2` (network ACLs, security groups, instances, VPCs, route tables, AMIs, snapshots). */
export default defineServiceState({
  sections: ['ec2'],
  normalise: (snapshot, context) => {
    const { ec2, gaps } = normaliseEc2(snapshot.ec2 ?? {}, context);
    return { state: ec2, gaps };
  },
  resources: {
    'ec2-network-acl': {
      securityHubType: 'AwsEc2NetworkAcl',
      arn: resourceArn('ec2', 'network-acl'),
      of: (state: Ec2State) => state.networkAcls,
    },
    'ec2-security-group': {
      securityHubType: 'AwsEc2SecurityGroup',
      arn: resourceArn('ec2', 'security-group'),
      of: (state: Ec2State) => state.securityGroups,
    },
    'ec2-instance': {
      securityHubType: 'AwsEc2Instance',
      arn: resourceArn('ec2', 'instance'),
      of: (state: Ec2State) => state.instances,
    },
    'ec2-vpc': { securityHubType: 'AwsEc2Vpc', arn: resourceArn('ec2', 'vpc'), of: (state: Ec2State) => state.vpcs },
    'ec2-route-table': {
      securityHubType: 'AwsEc2RouteTable',
      arn: resourceArn('ec2', 'route-table'),
      of: (state: Ec2State) => state.routeTables,
    },
    'ec2-image': {
      securityHubType: 'AwsEc2Image',
      arn: resourceArn('ec2', 'image', 'unowned'),
      hiddenArn: resourceArn('ec2', 'image'),
      of: (state: Ec2State) => state.images,
    },
    'ec2-snapshot': {
      securityHubType: 'AwsEc2Snapshot',
      arn: resourceArn('ec2', 'snapshot', 'unowned'),
      hiddenArn: resourceArn('ec2', 'snapshot'),
      of: (state: Ec2State) => state.snapshots,
    },
    'ec2-volume': {
      securityHubType: 'AwsEc2Volume',
      arn: resourceArn('ec2', 'volume'),
      of: (state: Ec2State) => state.volumes,
    },
  },
  operations: {
    'ec2:DescribeNetworkAcls': listing('DescribeNetworkAcls'),
    'ec2:DescribeSecurityGroups': listing('DescribeSecurityGroups'),
    'ec2:DescribeInstances': listing('DescribeInstances'),
    'ec2:DescribeVpcs': listing('DescribeVpcs'),
    'ec2:DescribeRouteTables': listing('DescribeRouteTables'),
    'ec2:DescribeVpcPeeringConnections': listing('DescribeVpcPeeringConnections'),
    'ec2:DescribeImages': listing('DescribeImages'),
    'ec2:DescribeSnapshots': listing('DescribeSnapshots'),
    'ec2:DescribeVolumes': listing('DescribeVolumes'),
    'ec2:DescribeFlowLogs': { scope: 'ec2-vpc', read: (_state: Ec2State, vpc: Ec2Vpc) => vpc.flowLogs },
    // the public listing, or each snapshot's attribute where that listing failed (see Ec2Snapshot.publicRestore)
    'ec2:DescribeSnapshotsRestorableByAll': {
      scope: 'ec2-snapshot',
      read: (_state: Ec2State, snapshot: Ec2Snapshot) => snapshot.publicRestore,
    },
    'ec2:GetEbsEncryptionByDefault': regionSetting('ebsEncryptionByDefault', 'GetEbsEncryptionByDefault'),
    'ec2:GetInstanceMetadataDefaults': regionSetting('instanceMetadataDefaults', 'GetInstanceMetadataDefaults'),
  },
});
