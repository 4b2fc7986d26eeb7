import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import type { CheckCase } from '../../support/check-tester.ts';
import { REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web/73e2d6bc24d8a067`;
export const groupArn = (name: string) =>
  `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:autoScalingGroup:8e3b5d1a-3c7f-4e8a-9b1d-2f4a6c8e0b1d:autoScalingGroupName/${name}`;

/** A DescribeAutoScalingGroups entry that meets every control (launch template, ELB health checks, two zones, two types). */
export function group(name: string, overrides: Record<string, unknown> = {}) {
  return {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: groupArn(name),
    MixedInstancesPolicy: {
      LaunchTemplate: {
        LaunchTemplateSpecification: {
          LaunchTemplateId: 'lt-0a1b2c3d4e5f60718',
          LaunchTemplateName: name,
          Version: '$Latest',
        },
        Overrides: [{ InstanceType: 'm6i.large' }, { InstanceType: 'm5.large' }],
      },
      InstancesDistribution: {
        OnDemandAllocationStrategy: 'prioritized',
        OnDemandBaseCapacity: 0,
        OnDemandPercentageAboveBaseCapacity: 100,
        SpotAllocationStrategy: 'price-capacity-optimized',
      },
    },
    MinSize: 2,
    MaxSize: 6,
    DesiredCapacity: 2,
    DefaultCooldown: 300,
    AvailabilityZones: [`${REGION}a`, `${REGION}c`],
    LoadBalancerNames: [],
    TargetGroupARNs: [TARGET_GROUP],
    HealthCheckType: 'ELB',
    HealthCheckGracePeriod: 300,
    Instances: [],
    CreatedTime: '2024-05-01T00:00:00.000Z',
    SuspendedProcesses: [],
    VPCZoneIdentifier: 'subnet-0a1b2c3d4e5f60718,subnet-0b1c2d3e4f5a60718',
    EnabledMetrics: [],
    Tags: [],
    TerminationPolicies: ['Default'],
    NewInstancesProtectedFromScaleIn: false,
    ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: false,
    TrafficSources: [{ Identifier: TARGET_GROUP, Type: 'elbv2' }],
    ...overrides,
  };
}

/** A group launching from a launch configuration, with one instance type and EC2 health checks. */
export function legacyGroup(name: string, overrides: Record<string, unknown> = {}) {
  const { MixedInstancesPolicy: _, ...rest } = group(name, {
    LaunchConfigurationName: `${name}-lc`,
    HealthCheckType: 'EC2',
    ...overrides,
  });
  return rest;
}

/** A DescribeLaunchConfigurations entry. */
export function launchConfiguration(name: string, overrides: Record<string, unknown> = {}) {
  return {
    LaunchConfigurationName: name,
    LaunchConfigurationARN: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:launchConfiguration:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b:launchConfigurationName/${name}`,
    ImageId: 'ami-0abcdef1234567890',
    KeyName: '',
    SecurityGroups: ['sg-0123456789abcdef0'],
    ClassicLinkVPCSecurityGroups: [],
    UserData: '',
    InstanceType: 't3.micro',
    KernelId: '',
    RamdiskId: '',
    BlockDeviceMappings: [],
    InstanceMonitoring: { Enabled: true },
    CreatedTime: '2021-06-01T00:00:00.000Z',
    EbsOptimized: false,
    AssociatePublicIpAddress: false,
    MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
    ...overrides,
  };
}

export function groups(...list: unknown[]): Snapshot {
  return regionalSnapshot({
    autoscaling: { [REGION]: { DescribeAutoScalingGroups: { AutoScalingGroups: list } } as never },
  });
}

export function configurations(...list: unknown[]): Snapshot {
  return regionalSnapshot({
    autoscaling: { [REGION]: { DescribeLaunchConfigurations: { LaunchConfigurations: list } } as never },
  });
}

const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/auditor/cloudwarden is not authorized to perform: autoscaling:${action} because no identity-based policy allows the autoscaling:${action} action`,
  );

export const GROUPS_DENIED: CheckCase = {
  name: "DescribeAutoScalingGroups denied: the region's groups are hidden",
  snapshot: regionalSnapshot({
    autoscaling: { [REGION]: { DescribeAutoScalingGroups: denied('DescribeAutoScalingGroups') } },
  }),
  arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:autoScalingGroup:*:autoScalingGroupName/*`,
  message: 'AccessDenied on autoscaling:DescribeAutoScalingGroups',
};

export const CONFIGURATIONS_DENIED: CheckCase = {
  name: "DescribeLaunchConfigurations denied: the region's launch configurations are hidden",
  snapshot: regionalSnapshot({
    autoscaling: { [REGION]: { DescribeLaunchConfigurations: denied('DescribeLaunchConfigurations') } },
  }),
  arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:launchConfiguration:*:launchConfigurationName/*`,
  message: 'AccessDenied on autoscaling:DescribeLaunchConfigurations',
};
