import check from '../../../src/checks/sfn/sfn-state-machine-logging.ts';
import type { Snapshot } from '../../../src/model/snapshot-schema.ts';
import { testCheck } from '../../support/check-tester.ts';
import { snapshotOf } from '../../support/service-snapshot.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';

const REGION = 'eu-west-1';
const arn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT_ID}:stateMachine:${name}`;
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/vendedlogs/states/orders:*`;

/** A DescribeStateMachine answer with `fields` replaced. */
function describe(name: string, fields: Record<string, unknown> = {}) {
  return {
    stateMachineArn: arn(name),
    name,
    status: 'ACTIVE',
    definition: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
    roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/sfn-${name}`,
    type: 'STANDARD',
    creationDate: '2026-10-01T09:00:00Z',
    loggingConfiguration: {
      level: 'ERROR',
      includeExecutionData: false,
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: LOG_GROUP } }],
    },
    tracingConfiguration: { enabled: false },
    ...fields,
  };
}

function oneMachine(name: string, answer?: unknown): Snapshot {
  return snapshotOf({
    sfn: {
      [REGION]: {
        ListStateMachines: {
          stateMachines: [{ stateMachineArn: arn(name), name, type: 'STANDARD', creationDate: '2026-10-01T09:00:00Z' }],
        },
        ...(answer === undefined ? {} : { DescribeStateMachine: { [arn(name)]: answer } }),
      },
    },
  } as Parameters<typeof snapshotOf>[0]);
}

const denied = (action: string) =>
  awsError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ACCOUNT_ID}:user/auditor is not authorized to perform: states:${action} because no identity-based policy allows the states:${action} action`,
  );

testCheck(check, {
  pass: [
    {
      name: 'ERROR level',
      snapshot: oneMachine('orders', describe('orders')),
      message: 'orders logs its executions at ERROR',
    },
    {
      name: 'ALL level',
      snapshot: oneMachine(
        'orders',
        describe('orders', { loggingConfiguration: { level: 'ALL', includeExecutionData: true } }),
      ),
      message: 'at ALL',
    },
  ],
  fail: [
    {
      name: 'level OFF',
      snapshot: oneMachine(
        'billing',
        describe('billing', { loggingConfiguration: { level: 'OFF', includeExecutionData: false } }),
      ),
      message: 'billing does not log its executions (level OFF)',
    },
    {
      name: 'no logging configuration at all',
      snapshot: oneMachine('billing', describe('billing', { loggingConfiguration: undefined })),
      message: 'level OFF',
    },
  ],
  unknown: [
    {
      name: 'DescribeStateMachine denied',
      snapshot: oneMachine('orders', denied('DescribeStateMachine')),
      message: 'AccessDeniedException on sfn:DescribeStateMachine',
    },
    { name: 'DescribeStateMachine not collected', snapshot: oneMachine('orders'), message: 'sfn:DescribeStateMachine' },
    {
      name: "ListStateMachines denied: the region's state machines are hidden",
      snapshot: snapshotOf({ sfn: { [REGION]: { ListStateMachines: denied('ListStateMachines') } } }),
      arn: `arn:aws:states:${REGION}:${ACCOUNT_ID}:stateMachine:*`,
      message: 'AccessDeniedException on sfn:ListStateMachines',
    },
  ],
});
