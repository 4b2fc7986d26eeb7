import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon EventBridge operations answered once per region (pages concatenated). */
export const EVENTBRIDGE_LISTINGS = {
  ListEventBuses: z.looseObject({
    EventBuses: z.array(
      z.looseObject({
        Name: z.string(),
        Arn: z.string().optional(),
        // the bus's resource-based policy as JSON text; absent when none is attached
        Policy: z.string().optional(),
      }),
    ),
  }),
  ListEndpoints: z.looseObject({
    Endpoints: z.array(
      z.looseObject({
        Name: z.string(),
        Arn: z.string().optional(),
        State: z.string().optional(),
        ReplicationConfig: z.looseObject({ State: z.string().optional() }).optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.eventbridge`), in the generated snapshot schema. */
export const section = regionalSection(EVENTBRIDGE_LISTINGS, {});
export type EventbridgeSection = z.infer<typeof section>;
