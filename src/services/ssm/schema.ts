import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Systems Manager operations answered once per region (PascalCase, as the SDK returns them). */
export const SSM_LISTINGS = {
  /** every node registered with Systems Manager in the region: EC2 instances (`i-…`) and hybrid nodes (`mi-…`) */
  DescribeInstanceInformation: z.looseObject({
    InstanceInformationList: z.array(
      z.looseObject({
        InstanceId: z.string().optional(),
        /** `Online`, `ConnectionLost` or `Inactive` (deprecated) */
        PingStatus: z.string().optional(),
        LastPingDateTime: z.string().optional(),
        AgentVersion: z.string().optional(),
        PlatformType: z.string().optional(),
        PlatformName: z.string().optional(),
        /** `EC2Instance` or `ManagedInstance` */
        ResourceType: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.ssm`), in the generated snapshot schema. */
export const section = regionalSection(SSM_LISTINGS, {});
export type SsmSection = z.infer<typeof section>;
