import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

const KEY = 'deletion_protection.enabled';

export default defineCheck({
  id: 'elbv2-deletion-protection',
  aliases: ['ELB.6', 'elbv2_deletion_protection'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application, Network and Gateway Load Balancers have deletion protection',
  description: `Deleting a load balancer takes its DNS name with it: every record and client that points at it breaks, and a new one gets a different name. With deletion protection on, DeleteLoadBalancer is refused until the attribute is turned off on purpose. The check reads the \`${KEY}\` attribute (DescribeLoadBalancerAttributes) of every ALB, NLB and GWLB and fails unless it is \`true\`. Security Hub ELB.6.`,
  remediation: {
    terraform: `resource "aws_lb" "this" {
  # ...
  enable_deletion_protection = true
}`,
    cli: `aws elbv2 modify-load-balancer-attributes --load-balancer-arn LOAD_BALANCER_ARN --attributes Key=${KEY},Value=true --region REGION`,
    console:
      'EC2 console (in the region) > Load Balancers > the load balancer > Attributes > Edit > Protection: turn on Deletion protection > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#deletion-protection',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6',
  ],
  needs: ['elbv2:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const value = known(lb.attributes)?.[KEY];
    if (value === 'true') return pass(`${lb.type} load balancer ${lb.name} has deletion protection on`);
    return fail(`${lb.type} load balancer ${lb.name} can be deleted without turning protection off first`);
  },
});
