import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'autoscaling-group-elb-health-check',
  aliases: ['AutoScaling.1', 'autoscaling_group_elb_health_check_enabled'],
  service: 'autoscaling',
  resource: 'autoscaling-group',
  severity: 'low',
  title: 'Auto Scaling groups behind a load balancer use the load balancer health checks',
  description:
    'With only EC2 health checks, a group replaces an instance when the instance stops, not when its application stops answering: the load balancer takes it out of service but the group keeps it, and capacity silently shrinks. The check reads each group (DescribeAutoScalingGroups) and fails when it registers with a Classic Load Balancer, a target group or an ELB traffic source but its `HealthCheckType` does not include `ELB`. Groups without a load balancer pass. Security Hub AutoScaling.1.',
  remediation: {
    terraform: `resource "aws_autoscaling_group" "this" {
  # ...
  target_group_arns         = [aws_lb_target_group.app.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 300
}`,
    cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name NAME --health-check-type ELB --health-check-grace-period 300 --region REGION',
    console:
      'EC2 console (in the region) > Auto Scaling Groups > the group > Details > Health checks > Edit > turn on Elastic Load Balancing health checks, set a grace period > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-elb-healthcheck.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-1',
  ],
  needs: ['autoscaling:DescribeAutoScalingGroups'],
  triggers: [
    'CreateAutoScalingGroup',
    'UpdateAutoScalingGroup',
    'AttachLoadBalancers',
    'AttachLoadBalancerTargetGroups',
    'AttachTrafficSources',
  ],
  evaluate(group) {
    if (group.loadBalancers.length === 0) return pass(`${group.name} is not behind a load balancer`);
    if (group.healthCheckTypes.includes('ELB')) {
      return pass(`${group.name} uses the health checks of its load balancer (${group.healthCheckTypes.join(',')})`);
    }
    return fail(
      `${group.name} is behind a load balancer but checks instance health with ${group.healthCheckTypes.join(',')} only`,
    );
  },
});
