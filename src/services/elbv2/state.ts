import { defineServiceState, resourceArn } from '../define-state.ts';
import type { Elbv2State, LoadBalancer } from './model.ts';
import { normaliseElbv2 } from './normalise.ts';
import { present } from '../../model/observed.ts';

/** Elastic Load Balancing v2 in the account state: `state.elbv2` (load balancers with their web ACL). */
export default defineServiceState({
  sections: ['elbv2'],
  normalise: (snapshot, context) => {
    const { elbv2, gaps } = normaliseElbv2(snapshot.elbv2 ?? {}, context);
    return { state: elbv2, gaps };
  },
  resources: {
    'elbv2-load-balancer': {
      securityHubType: 'AwsElbv2LoadBalancer',
      arn: resourceArn('elasticloadbalancing', 'loadbalancer'),
      of: (state: Elbv2State) => state.loadBalancers,
    },
  },
  operations: {
    'elbv2:DescribeLoadBalancers': {
      scope: 'elbv2-load-balancer',
      read: (_state: Elbv2State, loadBalancer: LoadBalancer) => present(loadBalancer),
    },
    'wafv2:GetWebACLForResource': {
      scope: 'elbv2-load-balancer',
      read: (_state: Elbv2State, loadBalancer: LoadBalancer) => loadBalancer.webAcl,
    },
    'elbv2:DescribeLoadBalancerAttributes': {
      scope: 'elbv2-load-balancer',
      read: (_state: Elbv2State, loadBalancer: LoadBalancer) => loadBalancer.attributes,
    },
    'elbv2:DescribeListeners': {
      scope: 'elbv2-load-balancer',
      read: (_state: Elbv2State, loadBalancer: LoadBalancer) => loadBalancer.listeners,
    },
  },
});
