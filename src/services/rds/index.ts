import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { idsIn } from '../change-event.ts';
import { defineService } from '../define-service.ts';
import { RDS_LISTINGS } from './schema.ts';

/** Amazon RDS evidence of one region: the DB instances (Aurora members included, as AWS lists them). */
export default defineService({
  name: 'rds',
  title: 'Amazon RDS',
  scope: 'regional',
  client: RDSClient,
  operations: {
    DescribeDBInstances: {
      command: DescribeDBInstancesCommand,
      input: () => ({ MaxRecords: 100 }),
      pages: { input: 'Marker', output: 'Marker', items: ['DBInstances'] },
      response: RDS_LISTINGS.DescribeDBInstances,
      iam: ['rds:DescribeDBInstances'],
    },
  },
  keyed: [
    {
      kind: 'rds-instance',
      keys: (event) => idsIn(event, ['dBInstanceIdentifier'], /^[A-Za-z][A-Za-z0-9-]{0,62}$/),
      narrow: { DescribeDBInstances: (key) => ({ DBInstanceIdentifier: key }) },
      // the query API's code, and the SDK's name for it
      notFound: ['DBInstanceNotFound', 'DBInstanceNotFoundFault'],
      arn: (key, { partition, region, accountId }) => `arn:${partition}:rds:${region}:${accountId}:db:${key}`,
      deletedBy: ['DeleteDBInstance'],
    },
  ],
});
