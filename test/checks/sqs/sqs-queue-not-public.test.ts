import check from '../../../src/checks/sqs/sqs-queue-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import {
  ATTRIBUTES_DENIED,
  DENIED,
  DENIED_ARN,
  REGION,
  oneQueue,
  policy,
  queueArn,
  queueAttributes,
} from './sqs-builders.ts';

const send = (principal: unknown, condition?: object) => ({
  Sid: 'grant',
  Effect: 'Allow',
  Principal: principal,
  Action: 'SQS:SendMessage',
  Resource: queueArn('orders'),
  ...(condition ? { Condition: condition } : {}),
});
const withPolicy = (text: string) => oneQueue('orders', queueAttributes('orders', { Policy: text }));

testCheck(check, {
  pass: [
    {
      name: 'no access policy',
      snapshot: oneQueue('orders', queueAttributes('orders')),
      message: 'has no access policy',
    },
    {
      name: 'an SNS topic may send, fixed by its ARN',
      snapshot: withPolicy(
        policy(
          send(
            { Service: 'sns.amazonaws.com' },
            { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:${REGION}:${ACCOUNT_ID}:order-events` } },
          ),
        ),
      ),
      message: 'is not public',
    },
    {
      name: 'the account root (the console default policy)',
      snapshot: withPolicy(
        policy({ ...send({ AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }), Sid: '__owner_statement', Action: 'SQS:*' }),
      ),
      message: 'is not public',
    },
  ],
  fail: [
    { name: 'Principal "*"', snapshot: withPolicy(policy(send('*'))), message: "orders's policy is public" },
    {
      name: '{"AWS": "*"} with a wildcard source ARN',
      snapshot: withPolicy(policy(send({ AWS: '*' }, { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }))),
      message: 'is public',
    },
  ],
  unknown: [
    {
      name: 'the Policy attribute is not JSON',
      snapshot: withPolicy('{"Statement": ['),
      message: 'MalformedPolicy on sqs:GetQueueAttributes',
    },
    {
      name: 'GetQueueAttributes denied',
      snapshot: oneQueue('orders', ATTRIBUTES_DENIED),
      message: 'AccessDenied on sqs:GetQueueAttributes',
    },
    {
      name: "ListQueues denied: the region's queues are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on sqs:ListQueues',
    },
  ],
});
