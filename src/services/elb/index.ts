import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import { defineService } from '../define-service.ts';
import { isTlsProtocol } from './model.ts';
import { ELB_LISTINGS, ELB_PER_RESOURCE } from './schema.ts';

interface ListedLoadBalancer {
  LoadBalancerName: string;
  ListenerDescriptions?: { Listener?: { Protocol?: string } }[];
}

const namesOf = (answers: Readonly<Record<string, unknown>>) =>
  (answers.DescribeLoadBalancers as { LoadBalancerDescriptions?: ListedLoadBalancer[] } | undefined)
    ?.LoadBalancerDescriptions ?? [];

/** Only an HTTPS or SSL listener negotiates TLS, so only a load balancer with one has a policy worth reading. */
function hasTlsListener(lb: ListedLoadBalancer): boolean {
  return (lb.ListenerDescriptions ?? []).some((d) => isTlsProtocol(d.Listener?.Protocol));
}

/** Classic Load Balancers of one region, each one's attributes and, for those with TLS listeners, its policies. */
export default defineService({
  name: 'elb',
  title: 'Elastic Load Balancing (Classic Load Balancers)',
  scope: 'regional',
  client: ElasticLoadBalancingClient,
  operations: {
    DescribeLoadBalancers: {
      command: DescribeLoadBalancersCommand,
      input: () => ({ PageSize: 400 }),
      pages: { input: 'Marker', output: 'NextMarker', items: ['LoadBalancerDescriptions'] },
      response: ELB_LISTINGS.DescribeLoadBalancers,
      iam: ['elasticloadbalancing:DescribeLoadBalancers'],
    },
    DescribeLoadBalancerAttributes: {
      command: DescribeLoadBalancerAttributesCommand,
      perResource: {
        after: ['DescribeLoadBalancers'],
        targets: (answers) =>
          namesOf(answers).map((lb) => ({
            key: lb.LoadBalancerName,
            input: { LoadBalancerName: lb.LoadBalancerName },
          })),
      },
      response: ELB_PER_RESOURCE.DescribeLoadBalancerAttributes,
      iam: ['elasticloadbalancing:DescribeLoadBalancerAttributes'],
    },
    DescribeLoadBalancerPolicies: {
      command: DescribeLoadBalancerPoliciesCommand,
      perResource: {
        after: ['DescribeLoadBalancers'],
        targets: (answers) =>
          namesOf(answers)
            .filter(hasTlsListener)
            .map((lb) => ({ key: lb.LoadBalancerName, input: { LoadBalancerName: lb.LoadBalancerName } })),
      },
      response: ELB_PER_RESOURCE.DescribeLoadBalancerPolicies,
      iam: ['elasticloadbalancing:DescribeLoadBalancerPolicies'],
    },
  },
});
