import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
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
});
