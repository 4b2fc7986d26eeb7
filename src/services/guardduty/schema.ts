import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const status = z.looseObject({ Status: z.string().optional() });

/** GuardDuty operations answered once per region. */
export const GUARDDUTY_LISTINGS = {
  ListDetectors: z.looseObject({ DetectorIds: z.array(z.string()) }),
  /** Malware Protection for S3 is a plan per protected bucket, not a detector feature */
  ListMalwareProtectionPlans: z.looseObject({
    MalwareProtectionPlans: z.array(z.looseObject({ MalwareProtectionPlanId: z.string().optional() })).optional(),
  }),
} as const;

/** GuardDuty calls made per detector, keyed by detector id. */
export const GUARDDUTY_PER_RESOURCE = {
  GetDetector: z.looseObject({
    Status: z.string(),
    DataSources: z.looseObject({ S3Logs: status.optional() }).optional(),
    Features: z
      .array(
        z.looseObject({
          Name: z.string().optional(),
          Status: z.string().optional(),
          // the agent management of the runtime monitoring features (EKS_ADDON_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT…)
          AdditionalConfiguration: z
            .array(z.looseObject({ Name: z.string().optional(), Status: z.string().optional() }))
            .optional(),
        }),
      )
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.guardduty`), in the generated snapshot schema. */
export const section = regionalSection(GUARDDUTY_LISTINGS, GUARDDUTY_PER_RESOURCE);
export type GuardDutySection = z.infer<typeof section>;
