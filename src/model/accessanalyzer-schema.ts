import { z } from 'zod';
import { regionalSection } from './regional-schema.ts';

/** IAM Access Analyzer operations answered once per region. */
export const ACCESSANALYZER_LISTINGS = {
  ListAnalyzers: z.looseObject({
    analyzers: z.array(z.looseObject({ arn: z.string().optional(), name: z.string().optional(), type: z.string(), status: z.string() })),
  }),
} as const;

export const accessanalyzerSectionSchema = regionalSection(ACCESSANALYZER_LISTINGS, {});
export type AccessAnalyzerSection = z.infer<typeof accessanalyzerSectionSchema>;
