import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { notAnAlb } from './alb-only.ts';

const KEY = 'access_logs.s3.enabled';

export default defineCheck({
  id: 'elbv2-alb-access-logging',
  aliases: ['ELB.5', 'elbv2_logging_enabled'],
  service: 'elbv2',
  resource: 'elbv2-load-balancer',
  severity: 'medium',
  title: 'Application Load Balancers write access logs to S3',
  description: `An ALB's access logs record every request (client address, path, status, TLS cipher, target): without them an attack through the load balancer leaves no trace beyond the targets' own logs. The check reads the \`${KEY}\` attribute (DescribeLoadBalancerAttributes) and fails unless it is \`true\`. Network and Gateway Load Balancers are out of scope (ELB.5 covers Application and Classic Load Balancers; Classic ones are elb-access-logging). Security Hub ELB.5.`,
  remediation: {
    terraform: `resource "aws_lb" "this" {
  # ...
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "alb"
    enabled = true
  }
}
# the bucket policy must let the region's Elastic Load Balancing account (or the logdelivery.elasticloadbalancing.amazonaws.com service) write to it`,
    cli: `aws elbv2 modify-load-balancer-attributes --load-balancer-arn LOAD_BALANCER_ARN --attributes Key=${KEY},Value=true Key=access_logs.s3.bucket,Value=LOG_BUCKET Key=access_logs.s3.prefix,Value=alb --region REGION`,
    console:
      'EC2 console (in the region) > Load Balancers > the ALB > Attributes > Edit > Monitoring: turn on Access logs, choose the S3 bucket > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5',
  ],
  needs: ['elbv2:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const other = notAnAlb(lb, 'ELB.5 access logging');
    if (other) return other;
    const attributes = known(lb.attributes) ?? {};
    if (attributes[KEY] === 'true') {
      return pass(`ALB ${lb.name} writes access logs to s3://${attributes['access_logs.s3.bucket'] ?? '?'}`);
    }
    return fail(`ALB ${lb.name} has access logging off`);
  },
});
