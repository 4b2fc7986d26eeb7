import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { notAnAlb } from './alb-only.ts';

const KEY = 'routing.http.drop_invalid_header_fields.enabled';

export default defineCheck({
  id: 'elbv2-alb-drops-invalid-headers',
  aliases: ['ELB.4', 'AVD-AWS-0052'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application Load Balancers drop invalid HTTP header fields',
  description: `By default an Application Load Balancer passes header fields whose names are not valid HTTP tokens through to its targets; a back end that parses them differently from the load balancer is open to request smuggling and header injection. The check reads the \`${KEY}\` attribute (DescribeLoadBalancerAttributes) and fails unless it is \`true\`. Network and Gateway Load Balancers are out of scope. Security Hub ELB.4.`,
  remediation: {
    terraform: `resource "aws_lb" "this" {
  # ...
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}`,
    cli: `aws elbv2 modify-load-balancer-attributes --load-balancer-arn LOAD_BALANCER_ARN --attributes Key=${KEY},Value=true --region REGION`,
    console:
      'EC2 console (in the region) > Load Balancers > the ALB > Attributes > Edit > Packet handling: turn on "Drop invalid header fields" > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4',
  ],
  needs: ['elbv2:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const other = notAnAlb(lb, 'dropping invalid header fields');
    if (other) return other;
    const value = known(lb.attributes)?.[KEY];
    if (value === 'true') return pass(`ALB ${lb.name} drops invalid HTTP header fields`);
    return fail(`ALB ${lb.name} passes invalid HTTP header fields to its targets (${KEY} is ${value ?? 'not set'})`);
  },
});
