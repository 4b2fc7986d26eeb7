import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import type { CheckCase } from '../../support/check-tester.ts';
import { REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const ACM_CERT = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/12345678-1234-1234-1234-123456789012`;
export const IAM_CERT = `arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy-2019`;
export const TLS12 = 'ELBSecurityPolicy-TLS-1-2-2017-01';

export const arnOf = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/${name}`;

/** An HTTPS listener on 443 with its certificate and policy. */
export function https(certificate = ACM_CERT, policy = TLS12) {
  return {
    Listener: {
      Protocol: 'HTTPS',
      LoadBalancerPort: 443,
      InstanceProtocol: 'HTTP',
      InstancePort: 80,
      SSLCertificateId: certificate,
    },
    PolicyNames: [policy],
  };
}

export function http() {
  return {
    Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 },
    PolicyNames: [],
  };
}

/** A DescribeLoadBalancers description of a Classic Load Balancer in a VPC. */
export function clb(name: string, listeners: unknown[] = [https()], zones = ['a', 'c']) {
  return {
    LoadBalancerName: name,
    DNSName: `${name}-1234567890.${REGION}.elb.amazonaws.com`,
    CanonicalHostedZoneName: `${name}-1234567890.${REGION}.elb.amazonaws.com`,
    CanonicalHostedZoneNameID: 'Z14GRHDCWA56QT',
    ListenerDescriptions: listeners,
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [TLS12] },
    BackendServerDescriptions: [],
    AvailabilityZones: zones.map((z) => `${REGION}${z}`),
    Subnets: zones.map((_, i) => `subnet-0${i}b1c2d3e4f5a6b7c8`),
    VPCId: 'vpc-0a1b2c3d4e5f60718',
    Instances: [{ InstanceId: 'i-0123456789abcdef0' }],
    HealthCheck: { Target: 'HTTP:80/', Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 10 },
    SourceSecurityGroup: { OwnerAlias: ACCOUNT_ID, GroupName: 'web-lb' },
    SecurityGroups: ['sg-0123456789abcdef0'],
    CreatedTime: '2019-03-01T00:00:00.000Z',
    Scheme: 'internet-facing',
  };
}

/** DescribeLoadBalancerAttributes of a Classic Load Balancer that meets every control, with parts replaced. */
export function attributes(overrides: Record<string, unknown> = {}) {
  return {
    LoadBalancerAttributes: {
      CrossZoneLoadBalancing: { Enabled: true },
      AccessLog: { Enabled: true, S3BucketName: 'example-lb-logs', EmitInterval: 60, S3BucketPrefix: 'clb' },
      ConnectionDraining: { Enabled: true, Timeout: 300 },
      ConnectionSettings: { IdleTimeout: 60 },
      AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'defensive' }],
      ...overrides,
    },
  };
}

/** DescribeLoadBalancerPolicies: one SSL negotiation policy named `name`, based on `reference` (null: a custom one). */
export function negotiationPolicy(name = TLS12, reference: string | null = TLS12) {
  return {
    PolicyDescriptions: [
      {
        PolicyName: name,
        PolicyTypeName: 'SSLNegotiationPolicyType',
        PolicyAttributeDescriptions: [
          ...(reference === undefined
            ? []
            : [{ AttributeName: 'Reference-Security-Policy', AttributeValue: reference }]),
          { AttributeName: 'Protocol-TLSv1', AttributeValue: reference === TLS12 ? 'false' : 'true' },
          { AttributeName: 'Protocol-TLSv1.1', AttributeValue: reference === TLS12 ? 'false' : 'true' },
          { AttributeName: 'Protocol-TLSv1.2', AttributeValue: 'true' },
          { AttributeName: 'Server-Defined-Cipher-Order', AttributeValue: 'true' },
          { AttributeName: 'ECDHE-RSA-AES128-GCM-SHA256', AttributeValue: 'true' },
        ],
      },
    ],
  };
}

/** One region with one Classic Load Balancer and, when given, its attribute and policy answers. */
export function oneClb(
  balancer: ReturnType<typeof clb>,
  answers: { attributes?: unknown; policies?: unknown } = {},
): Snapshot {
  const name = balancer.LoadBalancerName;
  return regionalSnapshot({
    elb: {
      [REGION]: {
        DescribeLoadBalancers: { LoadBalancerDescriptions: [balancer] },
        ...(answers.attributes === undefined ? {} : { DescribeLoadBalancerAttributes: { [name]: answers.attributes } }),
        ...(answers.policies === undefined ? {} : { DescribeLoadBalancerPolicies: { [name]: answers.policies } }),
      } as never,
    },
  });
}

export const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/auditor/cloudwarden is not authorized to perform: elasticloadbalancing:${action} because no identity-based policy allows the elasticloadbalancing:${action} action`,
  );

export const LISTING_DENIED: CheckCase = {
  name: "DescribeLoadBalancers denied: the region's Classic Load Balancers are hidden",
  snapshot: regionalSnapshot({ elb: { [REGION]: { DescribeLoadBalancers: denied('DescribeLoadBalancers') } } }),
  arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/*`,
  message: 'AccessDenied on elb:DescribeLoadBalancers',
};

/** The unknown rows of the checks that read DescribeLoadBalancerAttributes. */
export const ATTRIBUTE_UNKNOWNS: CheckCase[] = [
  {
    name: 'DescribeLoadBalancerAttributes denied',
    snapshot: oneClb(clb('legacy'), { attributes: denied('DescribeLoadBalancerAttributes') }),
    message: 'AccessDenied on elb:DescribeLoadBalancerAttributes',
  },
  {
    name: 'deleted between the listing and the call (LoadBalancerNotFound)',
    snapshot: oneClb(clb('legacy'), {
      attributes: awsError('LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'legacy'"),
    }),
    message: 'LoadBalancerNotFound on elb:DescribeLoadBalancerAttributes',
  },
  {
    name: 'DescribeLoadBalancerAttributes not collected',
    snapshot: oneClb(clb('legacy')),
    message: 'elb:DescribeLoadBalancerAttributes was not collected',
  },
  LISTING_DENIED,
];
