import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS Lambda operations answered once per region (ListFunctions pages concatenated). */
export const LAMBDA_LISTINGS = {
  ListFunctions: z.looseObject({
    Functions: z.array(
      z.looseObject({
        FunctionName: z.string(),
        FunctionArn: z.string().optional(),
        /** absent for container-image functions (`PackageType: Image`) */
        Runtime: z.string().optional(),
        PackageType: z.string().optional(),
        LastModified: z.string().optional(),
      }),
    ),
  }),
} as const;

/** Per-function calls, keyed by function ARN. */
export const LAMBDA_PER_RESOURCE = {
  /** the function's resource-based policy, as JSON text; `ResourceNotFoundException` when it has none */
  GetPolicy: z.looseObject({ Policy: z.string(), RevisionId: z.string().optional() }),
} as const;

/** The snapshot section (`snapshot.lambda`), in the generated snapshot schema. */
export const section = regionalSection(LAMBDA_LISTINGS, LAMBDA_PER_RESOURCE);
export type LambdaSection = z.infer<typeof section>;
