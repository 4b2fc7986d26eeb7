import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Elastic Load Balancing v2 operations answered once per region (every page's load balancers in one response). */
export const ELBV2_LISTINGS = {
  DescribeLoadBalancers: z.looseObject({
    LoadBalancers: z.array(
      z.looseObject({
        LoadBalancerArn: z.string(),
        LoadBalancerName: z.string().optional(),
        DNSName: z.string().optional(),
        Scheme: z.string().optional(),
        Type: z.string().optional(),
        AvailabilityZones: z.array(z.looseObject({ ZoneName: z.string().optional() })).optional(),
      }),
    ),
  }),
} as const;

/**
 * Calls per load balancer, keyed by its ARN. `GetWebACLForResource` is the WAF (wafv2, REGIONAL scope) call,
 * kept beside the load balancers it is about; asked only for internet-facing Application Load Balancers.
 * `DescribeListeners` is asked only for Application Load Balancers (the only kind with HTTP listeners).
 */
export const ELBV2_PER_RESOURCE = {
  GetWebACLForResource: z.looseObject({
    WebACL: z
      .looseObject({ Name: z.string().optional(), ARN: z.string().optional(), Id: z.string().optional() })
      .optional(),
  }),
  DescribeLoadBalancerAttributes: z.looseObject({
    Attributes: z.array(z.looseObject({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
  }),
  DescribeListeners: z.looseObject({
    Listeners: z
      .array(
        z.looseObject({
          ListenerArn: z.string().optional(),
          Port: z.number().optional(),
          Protocol: z.string().optional(),
          DefaultActions: z
            .array(
              z.looseObject({
                Type: z.string().optional(),
                RedirectConfig: z
                  .looseObject({ Protocol: z.string().optional(), Port: z.string().optional() })
                  .optional(),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.elbv2`), in the generated snapshot schema. */
export const section = regionalSection(ELBV2_LISTINGS, ELBV2_PER_RESOURCE);
export type Elbv2Section = z.infer<typeof section>;
