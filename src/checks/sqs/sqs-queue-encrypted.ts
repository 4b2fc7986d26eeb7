import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'sqs-queue-encrypted',
  aliases: ['SQS.1', 'AVD-AWS-0096', 'sqs_queues_server_side_encryption_enabled'],
  service: 'sqs',
  resource: 'sqs-queue',
  severity: 'medium',
  title: 'SQS queues encrypt messages at rest',
  description:
    'A queue encrypts the messages it stores with SQS-owned keys (SSE-SQS, `SqsManagedSseEnabled` "true", the default for queues created since late 2022) or with a KMS key (SSE-KMS, `KmsMasterKeyId`). The check fails for a queue with neither, read from GetQueueAttributes. Security Hub SQS.1.',
  remediation: {
    terraform: `resource "aws_sqs_queue" "this" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
  # or, to control who can decrypt: kms_master_key_id = aws_kms_key.queues.arn
}`,
    cli: `aws sqs set-queue-attributes --queue-url QUEUE_URL --attributes SqsManagedSseEnabled=true --region REGION`,
    console:
      'Amazon SQS console (in the region) > Queues > QUEUE > Edit > Encryption > Server-side encryption: Enabled (Amazon SQS key or an AWS KMS key) > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1',
  ],
  needs: ['sqs:GetQueueAttributes'],
  triggers: ['CreateQueue', 'SetQueueAttributes'],
  evaluate(queue) {
    const attributes = known(queue.attributes);
    if (attributes?.kmsMasterKeyId)
      return pass(`${queue.name} encrypts its messages with ${attributes.kmsMasterKeyId}`);
    if (attributes?.sqsManagedSse) return pass(`${queue.name} encrypts its messages with SQS-owned keys (SSE-SQS)`);
    return fail(`${queue.name} stores its messages unencrypted (neither SSE-SQS nor a KMS key)`);
  },
});
