import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS Step Functions operations answered once per region (ListStateMachines pages concatenated). */
export const SFN_LISTINGS = {
  ListStateMachines: z.looseObject({
    stateMachines: z
      .array(z.looseObject({ stateMachineArn: z.string().optional(), name: z.string().optional() }))
      .optional(),
  }),
} as const;

/** Step Functions calls made per state machine, keyed by its ARN. */
export const SFN_PER_RESOURCE = {
  DescribeStateMachine: z.looseObject({
    // OFF, ERROR, FATAL or ALL; the whole object is left out of machines created before logging existed
    loggingConfiguration: z.looseObject({ level: z.string().optional() }).optional(),
  }),
} as const;

/** The snapshot section (`snapshot.sfn`), in the generated snapshot schema. */
export const section = regionalSection(SFN_LISTINGS, SFN_PER_RESOURCE);
export type SfnSection = z.infer<typeof section>;
