import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const scanState = z.looseObject({ status: z.string().optional() }).optional();

/** Amazon Inspector operations answered once per region (camelCase, as the SDK returns them). */
export const INSPECTOR2_LISTINGS = {
  /** asked for the scanned account itself (`accountIds` left out) */
  BatchGetAccountStatus: z.looseObject({
    accounts: z.array(
      z.looseObject({
        accountId: z.string().optional(),
        state: z.looseObject({ status: z.string().optional() }).optional(),
        resourceState: z
          .looseObject({ ec2: scanState, ecr: scanState, lambda: scanState, lambdaCode: scanState })
          .optional(),
      }),
    ),
    failedAccounts: z
      .array(
        z.looseObject({
          accountId: z.string().optional(),
          errorCode: z.string().optional(),
          errorMessage: z.string().optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.inspector2`), in the generated snapshot schema. */
export const section = regionalSection(INSPECTOR2_LISTINGS, {});
export type Inspector2Section = z.infer<typeof section>;
