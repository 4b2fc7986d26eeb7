import check from '../../../src/checks/sqs/sqs-queue-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID } from '../../support/snapshot-builders.ts';
import {
  ATTRIBUTES_DENIED,
  DENIED,
  DENIED_ARN,
  REGION,
  oneQueue,
  queueArn,
  queueAttributes,
  sqsSnapshot,
} from './sqs-builders.ts';

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d`;

testCheck(check, {
  pass: [
    {
      name: 'SSE-SQS (the default for new queues)',
      snapshot: oneQueue('orders', queueAttributes('orders')),
      message: 'orders encrypts its messages with SQS-owned keys (SSE-SQS)',
    },
    {
      name: 'SSE-KMS with a customer managed key',
      snapshot: oneQueue(
        'payments',
        queueAttributes('payments', {
          SqsManagedSseEnabled: 'false',
          KmsMasterKeyId: KEY,
          KmsDataKeyReusePeriodSeconds: '300',
        }),
      ),
      message: `payments encrypts its messages with ${KEY}`,
    },
  ],
  fail: [
    {
      name: 'SSE turned off',
      snapshot: oneQueue('legacy-jobs', queueAttributes('legacy-jobs', { SqsManagedSseEnabled: 'false' })),
      arn: queueArn('legacy-jobs'),
      message: 'legacy-jobs stores its messages unencrypted',
    },
    {
      name: 'an old queue whose attributes do not mention SSE at all',
      snapshot: oneQueue('older', queueAttributes('older', { SqsManagedSseEnabled: undefined })),
      message: 'older stores its messages unencrypted',
    },
  ],
  unknown: [
    {
      name: 'GetQueueAttributes denied',
      snapshot: oneQueue('orders', ATTRIBUTES_DENIED),
      message: 'AccessDenied on sqs:GetQueueAttributes',
    },
    {
      name: 'GetQueueAttributes not collected for the queue',
      snapshot: sqsSnapshot(['orders']),
      message: 'sqs:GetQueueAttributes',
    },
    {
      name: "ListQueues denied: the region's queues are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDenied on sqs:ListQueues',
    },
  ],
});
