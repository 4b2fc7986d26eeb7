import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import { isTlsProtocol, type ClassicLoadBalancer, type ElbState } from './model.ts';
import type { ElbSection } from './schema.ts';

const DESYNC_KEY = 'elb.http.desyncmitigationmode';

/** The Classic Load Balancers of every region; a failed DescribeLoadBalancers is a gap (their checks say unknown). */
function normaliseElb(section: ElbSection, context: NormaliseContext): { state: ElbState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: ElbState = { loadBalancers: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const listed = listing(
      entry.DescribeLoadBalancers,
      { operation: 'elb:DescribeLoadBalancers', region },
      [context.hidden('elb-load-balancer', region)],
      gaps,
      (r) =>
        r.LoadBalancerDescriptions.map((lb): ClassicLoadBalancer => {
          const name = lb.LoadBalancerName;
          const listeners = (lb.ListenerDescriptions ?? []).map((d) => ({
            protocol: d.Listener?.Protocol?.toUpperCase() ?? 'UNKNOWN',
            port: d.Listener?.LoadBalancerPort,
            instanceProtocol: d.Listener?.InstanceProtocol,
            certificateId: d.Listener?.SSLCertificateId,
            policyNames: d.PolicyNames ?? [],
          }));
          return {
            kind: 'elb-load-balancer',
            arn: context.arn('elb-load-balancer', region, name),
            region,
            accountId: context.accountId,
            name,
            scheme: lb.Scheme ?? 'unknown',
            zones: lb.AvailabilityZones ?? [],
            listeners,
            attributes: observe(
              entry.DescribeLoadBalancerAttributes?.[name],
              'elb:DescribeLoadBalancerAttributes',
              [],
              ({ LoadBalancerAttributes: a }) => ({
                crossZone: a.CrossZoneLoadBalancing?.Enabled === true,
                accessLog: a.AccessLog?.Enabled === true,
                accessLogBucket: a.AccessLog?.S3BucketName,
                connectionDraining: a.ConnectionDraining?.Enabled === true,
                drainingTimeout: a.ConnectionDraining?.Timeout,
                desyncMode: (a.AdditionalAttributes ?? []).find((x) => x.Key === DESYNC_KEY)?.Value,
              }),
            ),
            policies: listeners.some((l) => isTlsProtocol(l.protocol))
              ? observe(entry.DescribeLoadBalancerPolicies?.[name], 'elb:DescribeLoadBalancerPolicies', [], (r) => ({
                  applicable: true as const,
                  policies: (r.PolicyDescriptions ?? []).map((p) => ({
                    name: p.PolicyName ?? 'unnamed',
                    type: p.PolicyTypeName ?? 'unknown',
                    attributes: Object.fromEntries(
                      (p.PolicyAttributeDescriptions ?? []).flatMap((x) =>
                        x.AttributeName === undefined || x.AttributeValue === undefined
                          ? []
                          : [[x.AttributeName, x.AttributeValue] as const],
                      ),
                    ),
                  })),
                }))
              : present({ applicable: false as const, why: 'it has no HTTPS or SSL listener' }),
          };
        }),
    );
    appendAll(state.loadBalancers, listed.items);
  }
  return { state, gaps };
}

/** Classic Elastic Load Balancing in the account state: `state.elb` (Classic Load Balancers of every region). */
export default defineServiceState({
  sections: ['elb'],
  normalise: (snapshot, context) => normaliseElb(snapshot.elb ?? {}, context),
  resources: {
    'elb-load-balancer': {
      securityHubType: 'AwsElbLoadBalancer',
      arn: resourceArn('elasticloadbalancing', 'loadbalancer'),
      of: (state: ElbState) => state.loadBalancers,
    },
  },
  operations: {
    'elb:DescribeLoadBalancers': {
      scope: 'elb-load-balancer',
      read: (_s: ElbState, lb: ClassicLoadBalancer) => present(lb),
    },
    'elb:DescribeLoadBalancerAttributes': {
      scope: 'elb-load-balancer',
      read: (_s: ElbState, lb: ClassicLoadBalancer) => lb.attributes,
    },
    'elb:DescribeLoadBalancerPolicies': {
      scope: 'elb-load-balancer',
      read: (_s: ElbState, lb: ClassicLoadBalancer) => lb.policies,
    },
  },
});
