import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { defineService } from '../define-service.ts';
import { DYNAMODB_LISTINGS, DYNAMODB_PER_RESOURCE } from './schema.ts';

/** The table names ListTables gave, the key of every per-table call. */
const tables = (answers: Readonly<Record<string, unknown>>) =>
  (answers.ListTables as { TableNames?: string[] } | undefined)?.TableNames ?? [];

/** Amazon DynamoDB evidence of one region: the tables, each one's description and its continuous backups. */
export default defineService({
  name: 'dynamodb',
  title: 'Amazon DynamoDB',
  scope: 'regional',
  client: DynamoDBClient,
  operations: {
    ListTables: {
      command: ListTablesCommand,
      input: () => ({ Limit: 100 }),
      // DynamoDB continues from the last table name rather than an opaque token
      pages: { input: 'ExclusiveStartTableName', output: 'LastEvaluatedTableName', items: ['TableNames'] },
      response: DYNAMODB_LISTINGS.ListTables,
      iam: ['dynamodb:ListTables'],
    },
    DescribeTable: {
      command: DescribeTableCommand,
      perResource: {
        after: ['ListTables'],
        targets: (answers) => tables(answers).map((name) => ({ key: name, input: { TableName: name } })),
      },
      response: DYNAMODB_PER_RESOURCE.DescribeTable,
      iam: ['dynamodb:DescribeTable'],
    },
    DescribeContinuousBackups: {
      command: DescribeContinuousBackupsCommand,
      perResource: {
        after: ['ListTables'],
        targets: (answers) => tables(answers).map((name) => ({ key: name, input: { TableName: name } })),
      },
      response: DYNAMODB_PER_RESOURCE.DescribeContinuousBackups,
      iam: ['dynamodb:DescribeContinuousBackups'],
    },
  },
});
