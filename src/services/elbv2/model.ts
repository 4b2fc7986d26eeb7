import type { Observed } from '../../model/observed.ts';

/** One listener of an Application Load Balancer (DescribeListeners). */
export interface Elbv2Listener {
  arn: string;
  port: number | undefined;
  /** `HTTP` or `HTTPS` on an ALB */
  protocol: string;
  /** the default action's type (`forward`, `redirect`, `fixed-response`…) */
  defaultActions: { type: string; redirectProtocol: string | undefined }[];
}

/** A load balancer (ARN `arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>`). */
export interface LoadBalancer {
  kind: 'elbv2-load-balancer';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** `application`, `network` or `gateway` */
  type: string;
  /** `internet-facing` or `internal` */
  scheme: string;
  /** the Availability Zones it has subnets in (DescribeLoadBalancers) */
  zones: string[];
  /**
   * The WAF web ACL associated with it (wafv2 GetWebACLForResource), asked only of internet-facing Application
   * Load Balancers; the others say `applicable: false`.
   */
  webAcl: Observed<{ applicable: true; name?: string; arn?: string } | { applicable: false; why: string }>;
  /** DescribeLoadBalancerAttributes as key → value (`deletion_protection.enabled` → `"true"`) */
  attributes: Observed<Record<string, string>>;
  /** DescribeListeners, asked only of Application Load Balancers; the others say `applicable: false` */
  listeners: Observed<{ applicable: true; listeners: Elbv2Listener[] } | { applicable: false; why: string }>;
}

export interface Elbv2State {
  loadBalancers: LoadBalancer[];
}
