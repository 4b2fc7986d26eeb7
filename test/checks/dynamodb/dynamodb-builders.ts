import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

export const REGION = 'eu-west-1';
export const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/${name}`;

/** A DescribeTable answer as DynamoDB gives it (dates as the SDK's Date, serialised). */
export function describeTable(name: string, overrides: Record<string, unknown> = {}) {
  return {
    Table: {
      TableName: name,
      TableArn: tableArn(name),
      TableId: '6d3c2f0a-58e1-4b7e-9a51-3c0f0b1e2d4a',
      TableStatus: 'ACTIVE',
      CreationDateTime: '2026-01-05T10:00:00.000Z',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingModeSummary: {
        BillingMode: 'PAY_PER_REQUEST',
        LastUpdateToPayPerRequestDateTime: '2026-01-05T10:00:00.000Z',
      },
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      TableSizeBytes: 0,
      ItemCount: 0,
      DeletionProtectionEnabled: false,
      ...overrides,
    },
  };
}

/** A DescribeContinuousBackups answer with PITR `ENABLED` or `DISABLED`. */
export function continuousBackups(status: 'ENABLED' | 'DISABLED') {
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: 'ENABLED',
      PointInTimeRecoveryDescription:
        status === 'ENABLED'
          ? {
              PointInTimeRecoveryStatus: 'ENABLED',
              RecoveryPeriodInDays: 35,
              EarliestRestorableDateTime: '2026-11-01T00:00:00.000Z',
              LatestRestorableDateTime: '2026-12-05T21:55:00.000Z',
            }
          : { PointInTimeRecoveryStatus: 'DISABLED' },
    },
  };
}

/** One region whose ListTables named `name`, with the per-table answers given (left out: not collected). */
export function oneTable(
  name: string,
  answers: { DescribeTable?: unknown; DescribeContinuousBackups?: unknown },
): Snapshot {
  return snapshotOf({
    dynamodb: {
      [REGION]: {
        ListTables: { TableNames: [name] },
        ...(answers.DescribeTable === undefined ? {} : { DescribeTable: { [name]: answers.DescribeTable } }),
        ...(answers.DescribeContinuousBackups === undefined
          ? {}
          : { DescribeContinuousBackups: { [name]: answers.DescribeContinuousBackups } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

export const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: dynamodb:${action} on resource: arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/* because no identity-based policy allows the dynamodb:${action} action`,
  );

export const LIST_DENIED = snapshotOf({
  dynamodb: { [REGION]: { ListTables: denied('ListTables') } },
});
export const DENIED_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/*`;
