import { z } from 'zod';
import { regionalSection } from '../../model/regional-schema.ts';

/** Amazon DynamoDB operations answered once per region (ListTables pages concatenated). */
export const DYNAMODB_LISTINGS = {
  ListTables: z.looseObject({ TableNames: z.array(z.string()).optional() }),
} as const;

/** DynamoDB calls made per table, keyed by table name. */
export const DYNAMODB_PER_RESOURCE = {
  DescribeTable: z.looseObject({
    Table: z.looseObject({
      TableName: z.string().optional(),
      TableArn: z.string().optional(),
      TableStatus: z.string().optional(),
      // absent on tables described before the feature existed: DynamoDB's default is off
      DeletionProtectionEnabled: z.boolean().optional(),
    }),
  }),
  DescribeContinuousBackups: z.looseObject({
    ContinuousBackupsDescription: z
      .looseObject({
        ContinuousBackupsStatus: z.string().optional(),
        PointInTimeRecoveryDescription: z
          .looseObject({
            PointInTimeRecoveryStatus: z.string().optional(),
            RecoveryPeriodInDays: z.number().optional(),
          })
          .optional(),
      })
      .optional(),
  }),
} as const;

/** The snapshot section (`snapshot.dynamodb`), in the generated snapshot schema. */
export const section = regionalSection(DYNAMODB_LISTINGS, DYNAMODB_PER_RESOURCE);
export type DynamodbSection = z.infer<typeof section>;
