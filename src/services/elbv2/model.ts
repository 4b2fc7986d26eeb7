import type { Observed } from '../../model/observed.ts';

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
  /**
   * The WAF web ACL associated with it (wafv2 GetWebACLForResource), asked only of internet-facing Application
   * Load Balancers; the others say `applicable: false`.
   */
  webAcl: Observed<{ applicable: true; name?: string; arn?: string } | { applicable: false; why: string }>;
}

export interface Elbv2State {
  loadBalancers: LoadBalancer[];
}
