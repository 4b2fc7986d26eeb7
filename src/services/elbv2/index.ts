import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { ELBV2_LISTINGS, ELBV2_PER_RESOURCE } from './schema.ts';
import { needsListeners, needsWebAcl } from '../elbv2/normalise.ts';
import { defineService } from '../define-service.ts';

type Listed = { LoadBalancers?: { LoadBalancerArn: string; Type?: string; Scheme?: string }[] } | undefined;

const loadBalancersOf = (answers: Readonly<Record<string, unknown>>) =>
  (answers.DescribeLoadBalancers as Listed)?.LoadBalancers ?? [];

/**
 * Load balancers of one region with, per load balancer, its attributes; for ALBs their listeners; for
 * internet-facing ALBs the WAF web ACL associated with each.
 */
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
          loadBalancersOf(answers)
            .filter(needsWebAcl)
            .map((lb) => ({ key: lb.LoadBalancerArn, input: { ResourceArn: lb.LoadBalancerArn } })),
      },
      response: ELBV2_PER_RESOURCE.GetWebACLForResource,
      iam: ['wafv2:GetWebACLForResource'],
    },
    DescribeLoadBalancerAttributes: {
      command: DescribeLoadBalancerAttributesCommand,
      perResource: {
        after: ['DescribeLoadBalancers'],
        targets: (answers) =>
          loadBalancersOf(answers).map((lb) => ({
            key: lb.LoadBalancerArn,
            input: { LoadBalancerArn: lb.LoadBalancerArn },
          })),
      },
      response: ELBV2_PER_RESOURCE.DescribeLoadBalancerAttributes,
      iam: ['elasticloadbalancing:DescribeLoadBalancerAttributes'],
    },
    DescribeListeners: {
      command: DescribeListenersCommand,
      pages: { input: 'Marker', output: 'NextMarker', items: ['Listeners'] },
      perResource: {
        after: ['DescribeLoadBalancers'],
        targets: (answers) =>
          loadBalancersOf(answers)
            .filter(needsListeners)
            .map((lb) => ({ key: lb.LoadBalancerArn, input: { LoadBalancerArn: lb.LoadBalancerArn, PageSize: 400 } })),
      },
      response: ELBV2_PER_RESOURCE.DescribeListeners,
      iam: ['elasticloadbalancing:DescribeListeners'],
    },
  },
});
