import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon SQS operations answered once per region (ListQueues pages concatenated). */
export const SQS_LISTINGS = {
  // a region without queues answers `{}`: no QueueUrls at all
  ListQueues: z.looseObject({ QueueUrls: z.array(z.string()).optional() }),
} as const;

/** SQS calls made per queue, keyed by queue URL. */
export const SQS_PER_RESOURCE = {
  // every attribute value is a string, booleans included ("true"/"false"); the Policy is JSON text
  GetQueueAttributes: z.looseObject({ Attributes: z.record(z.string(), z.string()).optional() }),
} as const;

/** The snapshot section (`snapshot.sqs`), in the generated snapshot schema. */
export const section = regionalSection(SQS_LISTINGS, SQS_PER_RESOURCE);
export type SqsSection = z.infer<typeof section>;
