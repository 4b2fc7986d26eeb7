import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  DescribeLaunchConfigurationsCommand,
} from '@aws-sdk/client-auto-scaling';
import { defineService } from '../define-service.ts';
import { AUTOSCALING_LISTINGS } from './schema.ts';

/** Amazon EC2 Auto Scaling evidence of one region: the groups and the launch configurations. */
export default defineService({
  name: 'autoscaling',
  title: 'Amazon EC2 Auto Scaling',
  scope: 'regional',
  client: AutoScalingClient,
  operations: {
    DescribeAutoScalingGroups: {
      command: DescribeAutoScalingGroupsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'NextToken', output: 'NextToken', items: ['AutoScalingGroups'] },
      response: AUTOSCALING_LISTINGS.DescribeAutoScalingGroups,
      iam: ['autoscaling:DescribeAutoScalingGroups'],
    },
    DescribeLaunchConfigurations: {
      command: DescribeLaunchConfigurationsCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'NextToken', output: 'NextToken', items: ['LaunchConfigurations'] },
      response: AUTOSCALING_LISTINGS.DescribeLaunchConfigurations,
      iam: ['autoscaling:DescribeLaunchConfigurations'],
    },
  },
});
