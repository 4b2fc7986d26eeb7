import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { ELBV2_LISTINGS, ELBV2_PER_RESOURCE } from './schema.ts';
import { needsWebAcl } from '../elbv2/normalise.ts';
import { defineService } from '../define-service.ts';

/** Load balancers of one region and, for internet-facing ALBs, the WAF web ACL associated with each. */
export default defineService({
  name: 'elbv2',
  title: 'Elastic Load Balancing v2',
  scope: 'regional',
  client: ElasticLoadBalancingV2Client,
  operations: {
    DescribeLoadBalancers: {
      command: DescribeLoadBalancersCommand,
      input: () => ({ PageSize: 400 }),
      pages: { input: 'Marker', output: 'NextMarker', items: ['LoadBalancers'] },
      response: ELBV2_LISTINGS.DescribeLoadBalancers,
      iam: ['elasticloadbalancing:DescribeLoadBalancers'],
    },
    GetWebACLForResource: {
      command: GetWebACLForResourceCommand,
      client: WAFV2Client,
      perResource: {
        after: ['DescribeLoadBalancers'],
        targets: (answers) =>
          (
            (
              answers.DescribeLoadBalancers as
                { LoadBalancers?: { LoadBalancerArn: string; Type?: string; Scheme?: string }[] } | undefined
            )?.LoadBalancers ?? []
          )
            .filter(needsWebAcl)
            .map((lb) => ({ key: lb.LoadBalancerArn, input: { ResourceArn: lb.LoadBalancerArn } })),
      },
      response: ELBV2_PER_RESOURCE.GetWebACLForResource,
      iam: ['wafv2:GetWebACLForResource'],
    },
  },
});
