import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'elb-access-logging',
  aliases: ['ELB.5', 'elb_logging_enabled'],
  service: 'elb',
  resource: 'elb-load-balancer',
  severity: 'medium',
  title: 'Classic Load Balancers write access logs to S3',
  description:
    "A Classic Load Balancer's access logs record each request or connection (client address, latency, status, TLS protocol): without them traffic through it leaves no trace. The check reads `AccessLog.Enabled` (DescribeLoadBalancerAttributes) and fails unless it is true. (ELB.5 covers Application Load Balancers too: see elbv2-alb-access-logging.) Security Hub ELB.5.",
  remediation: {
    terraform: `resource "aws_elb" "this" {
  # ...
  access_logs {
    bucket        = aws_s3_bucket.lb_logs.id
    bucket_prefix = "clb"
    interval      = 60
    enabled       = true
  }
}`,
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes \'{"AccessLog":{"Enabled":true,"S3BucketName":"LOG_BUCKET","EmitInterval":60,"S3BucketPrefix":"clb"}}\' --region REGION',
    console:
      'EC2 console (in the region) > Load Balancers > the Classic Load Balancer > Attributes > Edit > Access logs: enable, choose the S3 location and interval > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5',
  ],
  needs: ['elb:DescribeLoadBalancerAttributes'],
  triggers: ['ModifyLoadBalancerAttributes', 'CreateLoadBalancer'],
  evaluate(lb) {
    const attributes = known(lb.attributes);
    if (attributes?.accessLog)
      return pass(`${lb.name} writes access logs to s3://${attributes.accessLogBucket ?? '?'}`);
    return fail(`${lb.name} has access logging off`);
  },
});
