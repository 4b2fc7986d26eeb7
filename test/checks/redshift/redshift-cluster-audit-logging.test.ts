import check from '../../../src/checks/redshift/redshift-cluster-audit-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError } from '../../support/snapshot-builders.ts';
import { CLUSTERS_DENIED, LOGGING_DENIED, cluster, oneCluster, parameters } from './redshift-builders.ts';

const logging = (answer: unknown) => oneCluster(cluster('analytics'), { logging: answer, params: parameters() });

testCheck(check, {
  pass: [
    {
      name: 'to CloudWatch Logs',
      snapshot: oneCluster(cluster('warehouse')),
      message: 'warehouse writes audit logs to CloudWatch Logs',
    },
    {
      name: 'to S3',
      snapshot: logging({
        LoggingEnabled: true,
        BucketName: 'example-redshift-audit',
        S3KeyPrefix: 'analytics/',
        LastSuccessfulDeliveryTime: '2026-11-21T23:55:02.000Z',
        LogDestinationType: 's3',
        LogExports: ['connectionlog', 'userlog'],
      }),
      message: 'analytics writes audit logs to s3://example-redshift-audit',
    },
  ],
  fail: [
    { name: 'off', snapshot: logging({ LoggingEnabled: false }), message: 'analytics has audit logging turned off' },
  ],
  unknown: [
    {
      name: 'DescribeLoggingStatus denied',
      snapshot: logging(LOGGING_DENIED),
      message: 'AccessDenied on redshift:DescribeLoggingStatus',
    },
    {
      name: 'the cluster was deleted after the listing',
      snapshot: logging(awsError('ClusterNotFound', 'Cluster analytics not found.')),
      message: 'ClusterNotFound on redshift:DescribeLoggingStatus',
    },
    {
      name: 'not collected',
      snapshot: oneCluster(cluster('analytics'), {}),
      message: 'redshift:DescribeLoggingStatus',
    },
    CLUSTERS_DENIED,
  ],
});
