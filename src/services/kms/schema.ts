import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** KMS operations answered once per region (ListKeys holds every page's keys). */
export const KMS_LISTINGS = {
  ListKeys: z.looseObject({ Keys: z.array(z.looseObject({ KeyId: z.string(), KeyArn: z.string().optional() })) }),
} as const;

/** KMS calls made per key, keyed by key id. */
export const KMS_PER_RESOURCE = {
  DescribeKey: z.looseObject({
    KeyMetadata: z.looseObject({
      KeyId: z.string(),
      Arn: z.string().optional(),
      KeyManager: z.string().optional(),
      KeySpec: z.string().optional(),
      KeyState: z.string().optional(),
      Enabled: z.boolean().optional(),
      Origin: z.string().optional(),
      Description: z.string().optional(),
      /** when a key in PendingDeletion will be deleted */
      DeletionDate: z.string().optional(),
    }),
  }),
  /** asked only for enabled customer managed symmetric keys */
  GetKeyRotationStatus: z.looseObject({
    KeyRotationEnabled: z.boolean().optional(),
    RotationPeriodInDays: z.number().optional(),
  }),
} as const;

/** The snapshot section (`snapshot.kms`), in the generated snapshot schema. */
export const section = regionalSection(KMS_LISTINGS, KMS_PER_RESOURCE);
export type KmsSection = z.infer<typeof section>;
