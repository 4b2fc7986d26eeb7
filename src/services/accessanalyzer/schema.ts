import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** IAM Access Analyzer operations answered once per region. */
export const ACCESSANALYZER_LISTINGS = {
  ListAnalyzers: z.looseObject({
    analyzers: z.array(
      z.looseObject({ arn: z.string().optional(), name: z.string().optional(), type: z.string(), status: z.string() }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.accessanalyzer`), in the generated snapshot schema. */
export const section = regionalSection(ACCESSANALYZER_LISTINGS, {});
export type AccessAnalyzerSection = z.infer<typeof section>;
