import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** AWS Secrets Manager operations answered once per region (ListSecrets pages concatenated). */
export const SECRETSMANAGER_LISTINGS = {
  ListSecrets: z.looseObject({
    SecretList: z.array(
      z.looseObject({
        ARN: z.string(),
        Name: z.string(),
        // absent, not false, on a secret that never had rotation configured
        RotationEnabled: z.boolean().optional(),
        RotationRules: z
          .looseObject({ AutomaticallyAfterDays: z.number().optional(), ScheduleExpression: z.string().optional() })
          .optional(),
        // ISO times; LastAccessedDate is truncated to the day, and absent on a secret never read
        CreatedDate: z.string().optional(),
        LastRotatedDate: z.string().optional(),
        LastAccessedDate: z.string().optional(),
        OwningService: z.string().optional(),
      }),
    ),
  }),
} as const;

/** The snapshot section (`snapshot.secretsmanager`), in the generated snapshot schema. */
export const section = regionalSection(SECRETSMANAGER_LISTINGS, {});
export type SecretsmanagerSection = z.infer<typeof section>;
