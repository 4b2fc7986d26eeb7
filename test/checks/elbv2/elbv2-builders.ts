import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import type { CheckCase } from '../../support/check-tester.ts';
import { loadBalancer, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export { REGION };

/** A DescribeLoadBalancers entry with subnets in `zones` (default: two zones). */
export function lb(name: string, Type = 'application', zones = ['a', 'c'], Scheme = 'internet-facing') {
  return {
    ...loadBalancer(name, Scheme, Type),
    AvailabilityZones: zones.map((z, i) => ({
      ZoneName: `${REGION}${z}`,
      SubnetId: `subnet-0${i}a1b2c3d4e5f6a7b8`,
      LoadBalancerAddresses: [],
    })),
  };
}

/** DescribeLoadBalancerAttributes of an ALB that meets every control, with `overrides` replacing values. */
export function albAttributes(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'access_logs.s3.enabled': 'true',
    'access_logs.s3.bucket': 'example-lb-logs',
    'access_logs.s3.prefix': 'alb',
    'idle_timeout.timeout_seconds': '60',
    'deletion_protection.enabled': 'true',
    'routing.http2.enabled': 'true',
    'routing.http.drop_invalid_header_fields.enabled': 'true',
    'routing.http.xff_client_port.enabled': 'false',
    'routing.http.preserve_host_header.enabled': 'false',
    'routing.http.xff_header_processing.mode': 'append',
    'routing.http.desync_mitigation_mode': 'defensive',
    'waf.fail_open.enabled': 'false',
    'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': 'false',
    'connection_logs.s3.enabled': 'false',
    ...overrides,
  };
  return { Attributes: Object.entries(values).map(([Key, Value]) => ({ Key, Value })) };
}

/** DescribeLoadBalancerAttributes of a Network Load Balancer (no HTTP attributes at all). */
export function nlbAttributes(deletionProtection = 'true') {
  return {
    Attributes: [
      { Key: 'access_logs.s3.enabled', Value: 'false' },
      { Key: 'access_logs.s3.bucket', Value: '' },
      { Key: 'access_logs.s3.prefix', Value: '' },
      { Key: 'deletion_protection.enabled', Value: deletionProtection },
      { Key: 'load_balancing.cross_zone.enabled', Value: 'false' },
      { Key: 'dns_record.client_routing_policy', Value: 'any_availability_zone' },
    ],
  };
}

const listenerArn = (lbArn: string, id: string) => `${lbArn.replace(':loadbalancer/', ':listener/')}/${id}`;

/** An HTTP listener on port 80 whose default action redirects to HTTPS. */
export function httpRedirect(lbArn: string) {
  return {
    ListenerArn: listenerArn(lbArn, '0467ef3c8400ae65'),
    LoadBalancerArn: lbArn,
    Port: 80,
    Protocol: 'HTTP',
    DefaultActions: [
      {
        Type: 'redirect',
        Order: 1,
        RedirectConfig: {
          Protocol: 'HTTPS',
          Port: '443',
          Host: '#{host}',
          Path: '/#{path}',
          Query: '#{query}',
          StatusCode: 'HTTP_301',
        },
      },
    ],
  };
}

/** An HTTP listener on port 80 that forwards to a target group (plain HTTP served). */
export function httpForward(lbArn: string) {
  const targetGroup = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web/73e2d6bc24d8a067`;
  return {
    ListenerArn: listenerArn(lbArn, '1a2b3c4d5e6f7a8b'),
    LoadBalancerArn: lbArn,
    Port: 80,
    Protocol: 'HTTP',
    DefaultActions: [
      {
        Type: 'forward',
        Order: 1,
        TargetGroupArn: targetGroup,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroup, Weight: 1 }] },
      },
    ],
  };
}

/** An HTTPS listener on port 443 forwarding to a target group. */
export function httpsForward(lbArn: string) {
  const targetGroup = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web/73e2d6bc24d8a067`;
  return {
    ListenerArn: listenerArn(lbArn, '9f8e7d6c5b4a3f2e'),
    LoadBalancerArn: lbArn,
    Port: 443,
    Protocol: 'HTTPS',
    Certificates: [
      { CertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/12345678-1234-1234-1234-123456789012` },
    ],
    SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    DefaultActions: [{ Type: 'forward', Order: 1, TargetGroupArn: targetGroup }],
  };
}

/** One region with one load balancer and, when given, its attribute and listener answers. */
export function oneLb(
  balancer: ReturnType<typeof lb>,
  answers: { attributes?: unknown; listeners?: unknown } = {},
): Snapshot {
  return regionalSnapshot({
    elbv2: {
      [REGION]: {
        DescribeLoadBalancers: { LoadBalancers: [balancer] },
        ...(answers.attributes === undefined
          ? {}
          : { DescribeLoadBalancerAttributes: { [balancer.LoadBalancerArn]: answers.attributes } }),
        ...(answers.listeners === undefined
          ? {}
          : { DescribeListeners: { [balancer.LoadBalancerArn]: answers.listeners } }),
      } as never,
    },
  });
}

export const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/auditor/cloudwarden is not authorized to perform: elasticloadbalancing:${action} because no identity-based policy allows the elasticloadbalancing:${action} action`,
  );

/** DescribeLoadBalancers denied: the region's load balancers are hidden, every elbv2 check says unknown. */
export const LISTING_DENIED: CheckCase = {
  name: "DescribeLoadBalancers denied: the region's load balancers are hidden",
  snapshot: regionalSnapshot({ elbv2: { [REGION]: { DescribeLoadBalancers: denied('DescribeLoadBalancers') } } }),
  arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/*`,
  message: 'AccessDenied on elbv2:DescribeLoadBalancers',
};

/** The unknown rows of the checks that read DescribeLoadBalancerAttributes. */
export const ATTRIBUTE_UNKNOWNS: CheckCase[] = [
  {
    name: 'DescribeLoadBalancerAttributes denied',
    snapshot: oneLb(lb('web'), { attributes: denied('DescribeLoadBalancerAttributes') }),
    message: 'AccessDenied on elbv2:DescribeLoadBalancerAttributes',
  },
  {
    name: 'the load balancer was deleted between the listing and the call (LoadBalancerNotFound)',
    snapshot: oneLb(lb('web'), {
      attributes: awsError(
        'LoadBalancerNotFound',
        `Load balancer 'arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/web/50dc6c495c0c9188' not found`,
      ),
    }),
    message: 'LoadBalancerNotFound on elbv2:DescribeLoadBalancerAttributes',
  },
  {
    name: 'DescribeLoadBalancerAttributes not collected',
    snapshot: oneLb(lb('web')),
    message: 'elbv2:DescribeLoadBalancerAttributes was not collected',
  },
  LISTING_DENIED,
];
