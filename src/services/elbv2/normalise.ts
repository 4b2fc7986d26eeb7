import type { Gap } from '../../model/resource.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { Elbv2State, LoadBalancer } from './model.ts';
import type { Elbv2Section } from './schema.ts';
import { listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** Only internet-facing Application Load Balancers can (and should) carry a WAF web ACL. */
export function needsWebAcl(lb: { Type?: string; Scheme?: string }): boolean {
  return lb.Type === 'application' && lb.Scheme === 'internet-facing';
}

/** Only Application Load Balancers have HTTP listeners whose default action can redirect to HTTPS. */
export function needsListeners(lb: { Type?: string }): boolean {
  return lb.Type === 'application';
}

/** Load balancers of every region with their web ACL; a failed DescribeLoadBalancers is a gap. */
export function normaliseElbv2(section: Elbv2Section, context: NormaliseContext): { elbv2: Elbv2State; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const loadBalancers: LoadBalancer[] = [];
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const listed = listing(
      entry.DescribeLoadBalancers,
      { operation: 'elbv2:DescribeLoadBalancers', region },
      [context.hidden('elbv2-load-balancer', region)],
      gaps,
      (r) => r.LoadBalancers,
    );
    for (const lb of listed.items) {
      const kindName = `${lb.Scheme ?? 'unknown-scheme'} ${lb.Type ?? 'unknown-type'} load balancer`;
      loadBalancers.push({
        kind: 'elbv2-load-balancer',
        arn: lb.LoadBalancerArn,
        region,
        accountId,
        name: lb.LoadBalancerName ?? lb.LoadBalancerArn,
        type: lb.Type ?? 'unknown',
        scheme: lb.Scheme ?? 'unknown',
        zones: (lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName === undefined ? [] : [z.ZoneName])),
        webAcl: needsWebAcl(lb)
          ? observe(entry.GetWebACLForResource?.[lb.LoadBalancerArn], 'wafv2:GetWebACLForResource', [], (r) =>
              r.WebACL
                ? { applicable: true as const, name: r.WebACL.Name, arn: r.WebACL.ARN }
                : { applicable: true as const },
            )
          : { kind: 'present', value: { applicable: false, why: kindName } },
        attributes: observe(
          entry.DescribeLoadBalancerAttributes?.[lb.LoadBalancerArn],
          'elbv2:DescribeLoadBalancerAttributes',
          [],
          (r) =>
            Object.fromEntries(
              (r.Attributes ?? []).flatMap((a) =>
                a.Key === undefined || a.Value === undefined ? [] : [[a.Key, a.Value] as const],
              ),
            ),
        ),
        listeners: needsListeners(lb)
          ? observe(entry.DescribeListeners?.[lb.LoadBalancerArn], 'elbv2:DescribeListeners', [], (r) => ({
              applicable: true as const,
              listeners: (r.Listeners ?? []).map((l) => ({
                arn: l.ListenerArn ?? `${lb.LoadBalancerArn} port ${l.Port ?? '?'}`,
                port: l.Port,
                protocol: l.Protocol ?? 'unknown',
                defaultActions: (l.DefaultActions ?? []).map((a) => ({
                  type: a.Type ?? 'unknown',
                  redirectProtocol: a.RedirectConfig?.Protocol,
                })),
              })),
            }))
          : { kind: 'present', value: { applicable: false, why: kindName } },
      });
    }
  }
  return { elbv2: { loadBalancers }, gaps };
}
