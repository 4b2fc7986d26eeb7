import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { ELBV2_LISTINGS, ELBV2_PER_RESOURCE } from '../model/elbv2-schema.ts';
import { needsWebAcl } from '../model/normalise-elbv2.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, ELB_MARKER, perResource } from './token-pages.ts';

/** GetWebACLForResource is one call per public ALB; beyond this many per region the rest say `unknown`. */
export const MAX_WEB_ACL_CALLS = 500;

/** Load balancers of one region and, for internet-facing ALBs, the WAF web ACL associated with each. */
export const elbv2Collector: RegionalServiceCollector = {
  service: 'elbv2',
  async collectRegion(context: RegionContext) {
    const elb = context.clients.client(ElasticLoadBalancingV2Client, context.region);
    const DescribeLoadBalancers = await collectPages(context, 'DescribeLoadBalancers', ELBV2_LISTINGS.DescribeLoadBalancers, 'LoadBalancers', ELB_MARKER, (Marker, abortSignal) =>
      elb.send(new DescribeLoadBalancersCommand({ Marker, PageSize: 400 }), { abortSignal }),
    );
    const balancers = (DescribeLoadBalancers as { LoadBalancers?: { LoadBalancerArn: string; Type?: string; Scheme?: string }[] } | undefined)?.LoadBalancers ?? [];
    const publicAlbs = balancers.filter(needsWebAcl).map((lb) => lb.LoadBalancerArn);
    const waf = publicAlbs.length > 0 ? context.clients.client(WAFV2Client, context.region) : undefined;
    const GetWebACLForResource = await perResource(publicAlbs, MAX_WEB_ACL_CALLS, (ResourceArn) =>
      context.call('GetWebACLForResource', ELBV2_PER_RESOURCE.GetWebACLForResource, (abortSignal) =>
        (waf as WAFV2Client).send(new GetWebACLForResourceCommand({ ResourceArn }), { abortSignal }),
      ),
    );
    return { DescribeLoadBalancers, GetWebACLForResource };
  },
};
