import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'elb-connection-draining',
  aliases: ['ELB.7', 'elb_connection_draining_enabled'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancers have connection draining enabled',
  description:
    'Without connection draining a Classic Load Balancer cuts the open connections of an instance the moment it is deregistered or fails its health check (a scale-in, a deployment): clients see errors mid-request. With it, the load balancer stops sending new requests to the instance and lets the open ones finish within the timeout. The check reads `ConnectionDraining.Enabled` (DescribeLoadBalancerAttributes). Security Hub ELB.7.',
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  connection_draining         = true
  connection_draining_timeout = 300
}`,
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes \'{"ConnectionDraining":{"Enabled":true,"Timeout":300}}\' --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Attributes > Edit > Traffic configuration: turn on Connection draining, set the timeout > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7',
  ],
  needs: ['elb:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const attributes = known(lb.attributes);
    if (attributes?.connectionDraining) {
      return pass(`${lb.name} drains connections (timeout ${attributes.drainingTimeout ?? '?'} s)`);
    }
    return fail(`${lb.name} has connection draining off`);
  },
});
