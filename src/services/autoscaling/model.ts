/** An Auto Scaling group (ARN `arn:<partition>:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>`). */
export interface AutoScalingGroup {
  kind: 'autoscaling-group';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  zones: string[];
  /** Classic Load Balancer names, target group ARNs and ELB traffic sources the group registers its instances with */
  loadBalancers: string[];
  /** `HealthCheckType` split on commas (`EC2`, `ELB`, `EBS`, `VPC_LATTICE`); EC2 is always in force */
  healthCheckTypes: string[];
  /** set when the group launches from a launch configuration */
  launchConfigurationName: string | undefined;
  /** the launch template (name or id) of the group or of its mixed instances policy */
  launchTemplate: string | undefined;
  /** the mixed instances policy's instance types; undefined when the group has no mixed instances policy */
  instanceTypes: string[] | undefined;
  /** the mixed instances policy selects instance types by attributes (InstanceRequirements) */
  attributeBasedTypes: boolean;
}

/** A launch configuration (ARN `arn:<partition>:autoscaling:<region>:<account>:launchConfiguration:<uuid>:launchConfigurationName/<name>`). */
export interface LaunchConfiguration {
  kind: 'autoscaling-launch-configuration';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** `MetadataOptions.HttpTokens`: `required` (IMDSv2 only) or `optional`; undefined when not set */
  httpTokens: string | undefined;
  /** `MetadataOptions.HttpEndpoint`: `disabled` turns the metadata service off altogether */
  httpEndpoint: string | undefined;
  /** `AssociatePublicIpAddress`; undefined when the launch configuration leaves it to the subnet */
  associatePublicIp: boolean | undefined;
}

export interface AutoscalingState {
  groups: AutoScalingGroup[];
  launchConfigurations: LaunchConfiguration[];
}
