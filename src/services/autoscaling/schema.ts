import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const launchTemplateSpecification = z
  .looseObject({
    LaunchTemplateId: z.string().optional(),
    LaunchTemplateName: z.string().optional(),
    Version: z.string().optional(),
  })
  .optional();

/** Amazon EC2 Auto Scaling operations answered once per region (every page in one response). */
export const AUTOSCALING_LISTINGS = {
  DescribeAutoScalingGroups: z.looseObject({
    AutoScalingGroups: z.array(
      z.looseObject({
        AutoScalingGroupName: z.string(),
        AutoScalingGroupARN: z.string().optional(),
        LaunchConfigurationName: z.string().optional(),
        LaunchTemplate: launchTemplateSpecification,
        MixedInstancesPolicy: z
          .looseObject({
            LaunchTemplate: z
              .looseObject({
                LaunchTemplateSpecification: launchTemplateSpecification,
                Overrides: z
                  .array(
                    z.looseObject({
                      InstanceType: z.string().optional(),
                      // attribute-based instance type selection: the group picks among every matching type
                      InstanceRequirements: z.looseObject({}).optional(),
                    }),
                  )
                  .optional(),
              })
              .optional(),
          })
          .optional(),
        AvailabilityZones: z.array(z.string()).optional(),
        LoadBalancerNames: z.array(z.string()).optional(),
        TargetGroupARNs: z.array(z.string()).optional(),
        TrafficSources: z
          .array(z.looseObject({ Identifier: z.string().optional(), Type: z.string().optional() }))
          .optional(),
        HealthCheckType: z.string().optional(),
      }),
    ),
  }),
  DescribeLaunchConfigurations: z.looseObject({
    LaunchConfigurations: z.array(
      z.looseObject({
        LaunchConfigurationName: z.string(),
        LaunchConfigurationARN: z.string().optional(),
        AssociatePublicIpAddress: z.boolean().optional(),
        MetadataOptions: z
          .looseObject({
            HttpTokens: z.string().optional(),
            HttpPutResponseHopLimit: z.number().optional(),
            HttpEndpoint: z.string().optional(),
          })
          .optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.autoscaling`), in the generated snapshot schema. */
export const section = regionalSection(AUTOSCALING_LISTINGS, {});
export type AutoscalingSection = z.infer<typeof section>;
