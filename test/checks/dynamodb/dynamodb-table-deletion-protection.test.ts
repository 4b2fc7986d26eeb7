import check from '../../../src/checks/dynamodb/dynamodb-table-deletion-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED_ARN, LIST_DENIED, denied, describeTable, oneTable, tableArn } from './dynamodb-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'deletion protection on',
      snapshot: oneTable('orders', { DescribeTable: describeTable('orders', { DeletionProtectionEnabled: true }) }),
      message: 'orders has deletion protection enabled',
    },
  ],
  fail: [
    {
      name: 'deletion protection off',
      snapshot: oneTable('sessions', { DescribeTable: describeTable('sessions') }),
      arn: tableArn('sessions'),
      message: 'sessions can be deleted',
    },
    {
      name: 'a description without the field (off)',
      snapshot: oneTable('old', { DescribeTable: describeTable('old', { DeletionProtectionEnabled: undefined }) }),
      message: 'old can be deleted',
    },
  ],
  unknown: [
    {
      name: 'DescribeTable denied',
      snapshot: oneTable('orders', { DescribeTable: denied('DescribeTable') }),
      message: 'AccessDeniedException on dynamodb:DescribeTable',
    },
    {
      name: 'DescribeTable not collected',
      snapshot: oneTable('orders', {}),
      message: 'dynamodb:DescribeTable',
    },
    {
      name: "ListTables denied: the region's tables are hidden",
      snapshot: LIST_DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on dynamodb:ListTables',
    },
  ],
});
