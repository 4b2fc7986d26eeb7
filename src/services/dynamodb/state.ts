import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { DynamodbSection } from './schema.ts';

/** A DynamoDB table, ARN `arn:<partition>:dynamodb:<region>:<account>:table/<name>`. */
export interface DynamodbTable {
  kind: 'dynamodb-table';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** from DescribeTable */
  description: Observed<{ status: string | undefined; deletionProtection: boolean }>;
  /** from DescribeContinuousBackups: `ENABLED` or `DISABLED` (undefined when DynamoDB did not say) */
  pointInTimeRecovery: Observed<{ status: string | undefined; recoveryDays: number | undefined }>;
}

export interface DynamodbState {
  tables: DynamodbTable[];
}

/** The tables of every region; a failed ListTables is a gap (its tables' checks say unknown). */
function normaliseDynamodb(section: DynamodbSection, context: NormaliseContext): { state: DynamodbState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: DynamodbState = { tables: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const described = entry.DescribeTable ?? {};
    const backups = entry.DescribeContinuousBackups ?? {};
    const listed = listing(
      entry.ListTables,
      { operation: 'dynamodb:ListTables', region },
      [context.hidden('dynamodb-table', region)],
      gaps,
      (r) =>
        (r.TableNames ?? []).map((name): DynamodbTable => {
          const description = observe(described[name], 'dynamodb:DescribeTable', [], (d) => ({
            status: d.Table.TableStatus,
            deletionProtection: d.Table.DeletionProtectionEnabled === true,
          }));
          const arn =
            (described[name] as { Table?: { TableArn?: string } } | undefined)?.Table?.TableArn ??
            context.arn('dynamodb-table', region, name);
          return {
            kind: 'dynamodb-table',
            arn,
            region,
            accountId: context.accountId,
            name,
            description,
            pointInTimeRecovery: observe(backups[name], 'dynamodb:DescribeContinuousBackups', [], (b) => ({
              status: b.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
              recoveryDays: b.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.RecoveryPeriodInDays,
            })),
          };
        }),
    );
    appendAll(state.tables, listed.items);
  }
  return { state, gaps };
}

/** Amazon DynamoDB in the account state: `state.dynamodb` (tables of every region). */
export default defineServiceState({
  sections: ['dynamodb'],
  normalise: (snapshot, context) => normaliseDynamodb(snapshot.dynamodb ?? {}, context),
  resources: {
    'dynamodb-table': {
      securityHubType: 'AwsDynamoDbTable',
      arn: resourceArn('dynamodb', 'table'),
      of: (state: DynamodbState) => state.tables,
    },
  },
  operations: {
    'dynamodb:ListTables': { scope: 'dynamodb-table', read: (_s: DynamodbState, t: DynamodbTable) => present(t) },
    'dynamodb:DescribeTable': { scope: 'dynamodb-table', read: (_s: DynamodbState, t: DynamodbTable) => t.description },
    'dynamodb:DescribeContinuousBackups': {
      scope: 'dynamodb-table',
      read: (_s: DynamodbState, t: DynamodbTable) => t.pointInTimeRecovery,
    },
  },
});
