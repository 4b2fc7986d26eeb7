import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, inconclusive, pass } from '../define-check.ts';
import { publicPolicyVerdict } from '../public-policy.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'sqs-queue-not-public',
  aliases: ['SQS.3', 'sqs_queues_not_publicly_accessible'],
  service: 'sqs',
  resource: 'sqs-queue',
  severity: 'high',
  title: 'SQS queue policy does not grant public access',
  description:
    'A queue\'s access policy decides who besides the account may send, receive or delete its messages. It is public, by the same analysis as an S3 bucket policy, when an Allow statement grants `Principal: "*"` (or `{"AWS": "*"}`) without a condition that fixes who can use it (a non-wildcard aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID…): an SNS topic or EventBridge rule delivering to the queue is granted that way, fixed by its source ARN. A queue without a policy is not public. Security Hub SQS.3.',
  remediation: {
    terraform: `resource "aws_sqs_queue_policy" "this" {
  queue_url = aws_sqs_queue.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.this.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }
    }]
  })
}`,
    cli: `aws sqs get-queue-attributes --queue-url QUEUE_URL --attribute-names Policy --region REGION
aws sqs set-queue-attributes --queue-url QUEUE_URL --attributes file://policy-without-public-statements.json --region REGION`,
    console:
      'Amazon SQS console (in the region) > Queues > QUEUE > Access policy > Edit > remove the statements named in the finding, or add a condition on the source ARN or account > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-3',
  ],
  needs: ['sqs:GetQueueAttributes'],
  triggers: ['SetQueueAttributes', 'AddPermission', 'RemovePermission', 'CreateQueue'],
  evaluate(queue) {
    const attributes = known(queue.attributes);
    // the policy is read with the other attributes; text that is not a policy leaves the verdict open
    const unreadable = attributes ? unreadableReason(attributes.policy) : undefined;
    if (unreadable !== undefined) return inconclusive(`${queue.name}'s policy could not be read`, unreadable);
    const policy = attributes?.policy.kind === 'present' ? attributes.policy.value : null;
    if (policy === null) return pass(`${queue.name} has no access policy`);
    return publicPolicyVerdict(queue.name, policy, queue.accountId);
  },
});
