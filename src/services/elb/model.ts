import type { Observed } from '../../model/observed.ts';

/** Front-end protocols that terminate TLS on a Classic Load Balancer. */
export const TLS_PROTOCOLS: readonly string[] = ['HTTPS', 'SSL'];

export function isTlsProtocol(protocol: string | undefined): boolean {
  return TLS_PROTOCOLS.includes(protocol?.toUpperCase() ?? '');
}

/** One listener of a Classic Load Balancer (DescribeLoadBalancers `ListenerDescriptions`). */
export interface ClassicListener {
  /** front-end protocol: `HTTP`, `HTTPS`, `TCP` or `SSL` */
  protocol: string;
  port: number | undefined;
  instanceProtocol: string | undefined;
  /** ACM (`arn:aws:acm:…`) or IAM (`arn:aws:iam::…:server-certificate/…`) certificate of an HTTPS/SSL listener */
  certificateId: string | undefined;
  /** the policies in force on the listener (its SSL negotiation policy among them) */
  policyNames: string[];
}

/** DescribeLoadBalancerAttributes of a Classic Load Balancer. */
export interface ClassicAttributes {
  crossZone: boolean;
  accessLog: boolean;
  accessLogBucket: string | undefined;
  connectionDraining: boolean;
  drainingTimeout: number | undefined;
  /** `elb.http.desyncmitigationmode` from AdditionalAttributes: `monitor`, `defensive` or `strictest` */
  desyncMode: string | undefined;
}

/** One policy of a Classic Load Balancer (DescribeLoadBalancerPolicies). */
export interface ClassicPolicy {
  name: string;
  /** `SSLNegotiationPolicyType` for a listener's TLS settings */
  type: string;
  /** attribute name → value (`Reference-Security-Policy` → `ELBSecurityPolicy-TLS-1-2-2017-01`, `Protocol-TLSv1` → `false`) */
  attributes: Record<string, string>;
}

/** A Classic Load Balancer, ARN `arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<name>`. */
export interface ClassicLoadBalancer {
  kind: 'elb-load-balancer';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  scheme: string;
  zones: string[];
  listeners: ClassicListener[];
  attributes: Observed<ClassicAttributes>;
  /** asked only of load balancers with an HTTPS or SSL listener; the others say `applicable: false` */
  policies: Observed<{ applicable: true; policies: ClassicPolicy[] } | { applicable: false; why: string }>;
}

export interface ElbState {
  loadBalancers: ClassicLoadBalancer[];
}
