import check from '../../../src/checks/elbv2/elbv2-alb-waf-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { loadBalancer, REGION, regionalSnapshot, webAcl } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const lbs = (lb: ReturnType<typeof loadBalancer>, answer?: object) =>
  regionalSnapshot({
    elbv2: {
      [REGION]: {
        DescribeLoadBalancers: { LoadBalancers: [lb] },
        ...(answer ? { GetWebACLForResource: { [lb.LoadBalancerArn]: answer } } : {}),
      } as never,
    },
  });

testCheck(check, {
  pass: [
    {
      name: 'a public ALB with a web ACL',
      snapshot: lbs(loadBalancer('web'), webAcl()),
      message: 'internet-facing ALB web is protected by web ACL alb-protection',
    },
    {
      name: 'an internal ALB',
      snapshot: lbs(loadBalancer('api', 'internal')),
      message: 'api is an internal application load balancer',
    },
    {
      name: 'a public NLB (WAF cannot attach)',
      snapshot: lbs(loadBalancer('tcp', 'internet-facing', 'network')),
      message: 'internet-facing network load balancer',
    },
  ],
  fail: [
    {
      name: 'a public ALB without a web ACL (GetWebACLForResource answers {})',
      snapshot: lbs(loadBalancer('web'), {}),
      message: 'internet-facing ALB web has no WAF web ACL',
    },
  ],
  unknown: [
    {
      name: 'GetWebACLForResource denied',
      snapshot: lbs(
        loadBalancer('web'),
        awsError('AccessDeniedException', 'not authorized to perform: wafv2:GetWebACLForResource'),
      ),
      message: 'AccessDeniedException on wafv2:GetWebACLForResource',
    },
    {
      name: 'the web ACL was not collected for a public ALB',
      snapshot: lbs(loadBalancer('web')),
      message: 'wafv2:GetWebACLForResource was not collected',
    },
    {
      name: "DescribeLoadBalancers denied: the region's load balancers are hidden",
      snapshot: regionalSnapshot({
        elbv2: {
          [REGION]: {
            DescribeLoadBalancers: awsError(
              'AccessDenied',
              'not authorized to perform: elasticloadbalancing:DescribeLoadBalancers',
            ),
          },
        },
      }),
      arn: `arn:aws:elasticloadbalancing:${REGION}:123456789012:loadbalancer/*`,
      message: 'AccessDenied on elbv2:DescribeLoadBalancers in ap-northeast-1',
    },
  ],
});
