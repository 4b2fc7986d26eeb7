import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

const fieldSelector = z.looseObject({
  Field: z.string(),
  Equals: z.array(z.string()).optional(),
  StartsWith: z.array(z.string()).optional(),
  EndsWith: z.array(z.string()).optional(),
  NotEquals: z.array(z.string()).optional(),
  NotStartsWith: z.array(z.string()).optional(),
  NotEndsWith: z.array(z.string()).optional(),
});

/** CloudTrail operations answered once per region. `DescribeTrails` lists shadow copies of multi-region trails too. */
export const CLOUDTRAIL_LISTINGS = {
  DescribeTrails: z.looseObject({
    // the API spells this one key in camelCase
    trailList: z.array(
      z.looseObject({
        Name: z.string().optional(),
        TrailARN: z.string(),
        HomeRegion: z.string().optional(),
        S3BucketName: z.string().optional(),
        IsMultiRegionTrail: z.boolean().optional(),
        IsOrganizationTrail: z.boolean().optional(),
        IncludeGlobalServiceEvents: z.boolean().optional(),
        LogFileValidationEnabled: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
        CloudWatchLogsLogGroupArn: z.string().optional(),
        HasCustomEventSelectors: z.boolean().optional(),
      }),
    ),
  }),
} as const;

/** Calls made per trail in its home region, keyed in the snapshot by the trail ARN. */
export const CLOUDTRAIL_PER_RESOURCE = {
  GetTrailStatus: z.looseObject({ IsLogging: z.boolean().optional(), LatestDeliveryError: z.string().optional() }),
  GetEventSelectors: z.looseObject({
    TrailARN: z.string().optional(),
    EventSelectors: z
      .array(
        z.looseObject({
          ReadWriteType: z.string().optional(),
          IncludeManagementEvents: z.boolean().optional(),
          DataResources: z
            .array(z.looseObject({ Type: z.string().optional(), Values: z.array(z.string()).optional() }))
            .optional(),
        }),
      )
      .optional(),
    AdvancedEventSelectors: z
      .array(z.looseObject({ Name: z.string().optional(), FieldSelectors: z.array(fieldSelector) }))
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.cloudtrail`), in the generated snapshot schema. */
export const section = regionalSection(CLOUDTRAIL_LISTINGS, CLOUDTRAIL_PER_RESOURCE);
export type CloudTrailSection = z.infer<typeof section>;
export type CloudTrailRegionEntry = CloudTrailSection[string];
