import check from '../../../src/checks/dynamodb/dynamodb-table-pitr-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_ARN, LIST_DENIED, continuousBackups, denied, oneTable, tableArn } from './dynamodb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'PITR enabled',
      snapshot: oneTable('orders', { DescribeContinuousBackups: continuousBackups('ENABLED') }),
      message: 'orders has point-in-time recovery enabled (35 days)',
    },
  ],
  fail: [
    {
      name: 'PITR disabled (the default)',
      snapshot: oneTable('sessions', { DescribeContinuousBackups: continuousBackups('DISABLED') }),
      arn: tableArn('sessions'),
      message: 'sessions has point-in-time recovery disabled',
    },
  ],
  unknown: [
    {
      name: 'DescribeContinuousBackups denied',
      snapshot: oneTable('orders', { DescribeContinuousBackups: denied('DescribeContinuousBackups') }),
      message: 'AccessDeniedException on dynamodb:DescribeContinuousBackups',
    },
    {
      name: 'DescribeContinuousBackups not collected',
      snapshot: oneTable('orders', {}),
      message: 'dynamodb:DescribeContinuousBackups',
    },
    {
      name: 'an answer without a PITR status',
      snapshot: oneTable('orders', { DescribeContinuousBackups: {} }),
      message: 'gave no point-in-time recovery status',
    },
    {
      name: "ListTables denied: the region's tables are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on dynamodb:ListTables',
    },
  ],
});
