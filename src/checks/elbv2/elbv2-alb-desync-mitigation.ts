import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { notAnAlb } from './alb-only.ts';

const KEY = 'routing.http.desync_mitigation_mode';
const SAFE = ['defensive', 'strictest'];

export default defineCheck({
  id: 'elbv2-alb-desync-mitigation',
  aliases: ['ELB.12', 'elbv2_desync_mitigation_mode'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application Load Balancers use the defensive or strictest desync mitigation mode',
  description: `HTTP desync (request smuggling) makes the load balancer and a target disagree where one request ends, so an attacker can prepend data to another user's request. In \`monitor\` mode the ALB forwards every ambiguous request; \`defensive\` (the default) and \`strictest\` block the dangerous ones. The check reads the \`${KEY}\` attribute (DescribeLoadBalancerAttributes) and fails unless it is defensive or strictest. Network and Gateway Load Balancers are out of scope. Security Hub ELB.12.`,
  remediation: {
    terraform: `resource "aws_lb" "this" {
  # ...
  load_balancer_type   = "application"
  desync_mitigation_mode = "defensive" # or "strictest"
}`,
    cli: `aws elbv2 modify-load-balancer-attributes --load-balancer-arn LOAD_BALANCER_ARN --attributes Key=${KEY},Value=defensive --region REGION`,
    console:
      'EC2 console (in the region) > Load Balancers > the ALB > Attributes > Edit > Packet handling: Desync mitigation mode Defensive (or Strictest) > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12',
  ],
  needs: ['elbv2:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const other = notAnAlb(lb, 'desync mitigation');
    if (other) return other;
    const mode = known(lb.attributes)?.[KEY];
    if (mode !== undefined && SAFE.includes(mode))
      return pass(`ALB ${lb.name} uses the ${mode} desync mitigation mode`);
    return fail(
      `ALB ${lb.name} uses the ${mode ?? 'unreported'} desync mitigation mode (defensive or strictest required)`,
    );
  },
});
