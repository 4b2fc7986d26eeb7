import { z } from 'zod';
import { regionalSection } from './regional-schema.ts';

/** Amazon Macie operations answered once per region; Macie answers `AccessDeniedException` "Macie is not enabled" when it is off. */
export const MACIE2_LISTINGS = {
  GetMacieSession: z.looseObject({ status: z.string().optional(), createdAt: z.string().optional() }),
} as const;

export const macie2SectionSchema = regionalSection(MACIE2_LISTINGS, {});
export type Macie2Section = z.infer<typeof macie2SectionSchema>;
