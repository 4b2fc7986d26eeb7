import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Classic Load Balancer operations answered once per region (every page's load balancers in one response). */
export const ELB_LISTINGS = {
  DescribeLoadBalancers: z.looseObject({
    LoadBalancerDescriptions: z.array(
      z.looseObject({
        LoadBalancerName: z.string(),
        DNSName: z.string().optional(),
        Scheme: z.string().optional(),
        AvailabilityZones: z.array(z.string()).optional(),
        ListenerDescriptions: z
          .array(
            z.looseObject({
              Listener: z
                .looseObject({
                  Protocol: z.string().optional(),
                  LoadBalancerPort: z.number().optional(),
                  InstanceProtocol: z.string().optional(),
                  InstancePort: z.number().optional(),
                  SSLCertificateId: z.string().optional(),
                })
                .optional(),
              PolicyNames: z.array(z.string()).optional(),
            }),
          )
          .optional(),
      }),
    ),
  }),
} as const;

/** Calls per Classic Load Balancer, keyed by its name (unique in a region). */
export const ELB_PER_RESOURCE = {
  DescribeLoadBalancerAttributes: z.looseObject({
    LoadBalancerAttributes: z.looseObject({
      CrossZoneLoadBalancing: z.looseObject({ Enabled: z.boolean().optional() }).optional(),
      AccessLog: z.looseObject({ Enabled: z.boolean().optional(), S3BucketName: z.string().optional() }).optional(),
      ConnectionDraining: z.looseObject({ Enabled: z.boolean().optional(), Timeout: z.number().optional() }).optional(),
      AdditionalAttributes: z
        .array(z.looseObject({ Key: z.string().optional(), Value: z.string().optional() }))
        .optional(),
    }),
  }),
  DescribeLoadBalancerPolicies: z.looseObject({
    PolicyDescriptions: z
      .array(
        z.looseObject({
          PolicyName: z.string().optional(),
          PolicyTypeName: z.string().optional(),
          PolicyAttributeDescriptions: z
            .array(z.looseObject({ AttributeName: z.string().optional(), AttributeValue: z.string().optional() }))
            .optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.elb`), in the generated snapshot schema. */
export const section = regionalSection(ELB_LISTINGS, ELB_PER_RESOURCE);
export type ElbSection = z.infer<typeof section>;
