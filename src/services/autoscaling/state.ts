import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type ArnParts, type NormaliseContext } from '../define-state.ts';
import type { AutoScalingGroup, AutoscalingState, LaunchConfiguration } from './model.ts';
import type { AutoscalingSection } from './schema.ts';

/**
 * Auto Scaling ARNs carry a UUID the name alone cannot give: the listings' own ARNs are used, and these builders
 * (UUID as `*`) only name a hidden kind or stand in when a listing leaves the ARN out.
 */
const groupArn = ({ partition, region, accountId, id }: ArnParts) =>
  `arn:${partition}:autoscaling:${region}:${accountId}:autoScalingGroup:*:autoScalingGroupName/${id}`;
const launchConfigurationArn = ({ partition, region, accountId, id }: ArnParts) =>
  `arn:${partition}:autoscaling:${region}:${accountId}:launchConfiguration:*:launchConfigurationName/${id}`;

/** Traffic source types that are Elastic Load Balancing (the others are VPC Lattice). */
const ELB_SOURCES = ['elb', 'elbv2'];

/** The groups and launch configurations of every region; a failed listing is a gap of its kind. */
function normaliseAutoscaling(
  section: AutoscalingSection,
  context: NormaliseContext,
): { state: AutoscalingState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: AutoscalingState = { groups: [], launchConfigurations: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const groups = listing(
      entry.DescribeAutoScalingGroups,
      { operation: 'autoscaling:DescribeAutoScalingGroups', region },
      [context.hidden('autoscaling-group', region)],
      gaps,
      (r) =>
        r.AutoScalingGroups.map((g): AutoScalingGroup => {
          const mixed = g.MixedInstancesPolicy?.LaunchTemplate;
          const template = g.LaunchTemplate ?? mixed?.LaunchTemplateSpecification;
          return {
            kind: 'autoscaling-group',
            arn: g.AutoScalingGroupARN ?? context.arn('autoscaling-group', region, g.AutoScalingGroupName),
            region,
            accountId: context.accountId,
            name: g.AutoScalingGroupName,
            zones: g.AvailabilityZones ?? [],
            loadBalancers: [
              ...new Set([
                ...(g.LoadBalancerNames ?? []),
                ...(g.TargetGroupARNs ?? []),
                ...(g.TrafficSources ?? [])
                  .filter((s) => ELB_SOURCES.includes(s.Type ?? ''))
                  .flatMap((s) => (s.Identifier === undefined ? [] : [s.Identifier])),
              ]),
            ],
            healthCheckTypes: (g.HealthCheckType ?? 'EC2').split(',').map((t) => t.trim().toUpperCase()),
            launchConfigurationName: g.LaunchConfigurationName,
            launchTemplate: template?.LaunchTemplateName ?? template?.LaunchTemplateId,
            instanceTypes:
              g.MixedInstancesPolicy === undefined
                ? undefined
                : [...new Set((mixed?.Overrides ?? []).flatMap((o) => (o.InstanceType ? [o.InstanceType] : [])))],
            attributeBasedTypes: (mixed?.Overrides ?? []).some((o) => o.InstanceRequirements !== undefined),
          };
        }),
    );
    appendAll(state.groups, groups.items);
    const configurations = listing(
      entry.DescribeLaunchConfigurations,
      { operation: 'autoscaling:DescribeLaunchConfigurations', region },
      [context.hidden('autoscaling-launch-configuration', region)],
      gaps,
      (r) =>
        r.LaunchConfigurations.map((c): LaunchConfiguration => ({
          kind: 'autoscaling-launch-configuration',
          arn:
            c.LaunchConfigurationARN ??
            context.arn('autoscaling-launch-configuration', region, c.LaunchConfigurationName),
          region,
          accountId: context.accountId,
          name: c.LaunchConfigurationName,
          httpTokens: c.MetadataOptions?.HttpTokens,
          httpEndpoint: c.MetadataOptions?.HttpEndpoint,
          associatePublicIp: c.AssociatePublicIpAddress,
        })),
    );
    appendAll(state.launchConfigurations, configurations.items);
  }
  return { state, gaps };
}

/** Amazon EC2 Auto Scaling in the account state: `state.autoscaling` (groups and launch configurations). */
export default defineServiceState({
  sections: ['autoscaling'],
  normalise: (snapshot, context) => normaliseAutoscaling(snapshot.autoscaling ?? {}, context),
  resources: {
    'autoscaling-group': {
      securityHubType: 'AwsAutoScalingAutoScalingGroup',
      arn: groupArn,
      of: (state: AutoscalingState) => state.groups,
    },
    'autoscaling-launch-configuration': {
      securityHubType: 'AwsAutoScalingLaunchConfiguration',
      arn: launchConfigurationArn,
      of: (state: AutoscalingState) => state.launchConfigurations,
    },
  },
  operations: {
    'autoscaling:DescribeAutoScalingGroups': {
      scope: 'autoscaling-group',
      read: (_s: AutoscalingState, g: AutoScalingGroup) => present(g),
    },
    'autoscaling:DescribeLaunchConfigurations': {
      scope: 'autoscaling-launch-configuration',
      read: (_s: AutoscalingState, c: LaunchConfiguration) => present(c),
    },
  },
});
