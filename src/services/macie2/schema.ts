import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon Macie operations answered once per region; Macie answers `AccessDeniedException` "Macie is not enabled" when it is off. */
export const MACIE2_LISTINGS = {
  GetMacieSession: z.looseObject({ status: z.string().optional(), createdAt: z.string().optional() }),
} as const;

/** The snapshot section (`snapshot.macie2`), in the generated snapshot schema. */
export const section = regionalSection(MACIE2_LISTINGS, {});
export type Macie2Section = z.infer<typeof section>;
