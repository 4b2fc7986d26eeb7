import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS Config operations answered once per region (the SDK's members are camelCase, as the API's). */
export const CONFIG_LISTINGS = {
  DescribeConfigurationRecorders: z.looseObject({
    ConfigurationRecorders: z.array(
      z.looseObject({
        name: z.string().optional(),
        roleARN: z.string().optional(),
        recordingGroup: z
          .looseObject({
            allSupported: z.boolean().optional(),
            includeGlobalResourceTypes: z.boolean().optional(),
            resourceTypes: z.array(z.string()).optional(),
            recordingStrategy: z.looseObject({ useOnly: z.string().optional() }).optional(),
          })
          .optional(),
      }),
    ),
  }),
  DescribeConfigurationRecorderStatus: z.looseObject({
    ConfigurationRecordersStatus: z.array(
      z.looseObject({
        name: z.string().optional(),
        recording: z.boolean().optional(),
        lastStatus: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.config`), in the generated snapshot schema. */
export const section = regionalSection(CONFIG_LISTINGS, {});
export type ConfigSection = z.infer<typeof section>;
