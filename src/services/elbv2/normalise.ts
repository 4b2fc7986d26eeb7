import type { Gap } from '../../model/resource.ts';
import { resourceArn } from '../define-state.ts';
import type { Elbv2State, LoadBalancer } from './model.ts';
import type { Elbv2Section } from './schema.ts';
import { listing, regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** Only internet-facing Application Load Balancers can (and should) carry a WAF web ACL. */
export function needsWebAcl(lb: { Type?: string; Scheme?: string }): boolean {
  return lb.Type === 'application' && lb.Scheme === 'internet-facing';
}

/** Load balancers of every region with their web ACL; a failed DescribeLoadBalancers is a gap. */
export function normaliseElbv2(section: Elbv2Section, context: RegionalContext): { elbv2: Elbv2State; gaps: Gap[] } {
  const { accountId, partition } = context;
  const gaps: Gap[] = [];
  const loadBalancers: LoadBalancer[] = [];
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const hidden = resourceArn('elasticloadbalancing', 'loadbalancer')({ partition, region, accountId, id: '*' });
    const listed = listing(
      entry.DescribeLoadBalancers,
      { operation: 'elbv2:DescribeLoadBalancers', region },
      [{ kind: 'elbv2-load-balancer', arn: hidden }],
      gaps,
      (r) => r.LoadBalancers,
    );
    for (const lb of listed.items) {
      const why = needsWebAcl(lb)
        ? undefined
        : `${lb.Scheme ?? 'unknown-scheme'} ${lb.Type ?? 'unknown-type'} load balancer`;
      loadBalancers.push({
        kind: 'elbv2-load-balancer',
        arn: lb.LoadBalancerArn,
        region,
        accountId,
        name: lb.LoadBalancerName ?? lb.LoadBalancerArn,
        type: lb.Type ?? 'unknown',
        scheme: lb.Scheme ?? 'unknown',
        webAcl: why
          ? { kind: 'present', value: { applicable: false, why } }
          : observe(entry.GetWebACLForResource?.[lb.LoadBalancerArn], 'wafv2:GetWebACLForResource', [], (r) =>
              r.WebACL
                ? { applicable: true as const, name: r.WebACL.Name, arn: r.WebACL.ARN }
                : { applicable: true as const },
            ),
      });
    }
  }
  return { elbv2: { loadBalancers }, gaps };
}
