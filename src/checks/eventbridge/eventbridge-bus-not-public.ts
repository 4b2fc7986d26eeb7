import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, inconclusive, pass } from '../define-check.ts';
import { publicPolicyVerdict } from '../public-policy.ts';

export default defineCheck({
  id: 'eventbridge-bus-not-public',
  aliases: ['eventbridge_bus_exposed'],
  service: 'eventbridge',
  resource: 'eventbridge-event-bus',
  severity: 'high',
  title: 'EventBridge event bus policy does not grant public access',
  description:
    'An event bus policy that allows `Principal: "*"` without a condition fixing who (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount…) lets any AWS account put events on the bus, which then trigger the rules and targets behind it, or manage its rules. Judged by the same public-policy analysis as an S3 bucket policy; a bus without a policy is not public.',
  remediation: {
    terraform: `data "aws_iam_policy_document" "bus" {
  statement {
    sid       = "OrganizationPutEvents"
    actions   = ["events:PutEvents"]
    resources = [aws_cloudwatch_event_bus.orders.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-exampleorgid"]
    }
  }
}

resource "aws_cloudwatch_event_bus_policy" "this" {
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  policy         = data.aws_iam_policy_document.bus.json
}`,
    cli: `aws events describe-event-bus --name BUS --region REGION --query Policy --output text
aws events remove-permission --event-bus-name BUS --statement-id STATEMENT_ID --region REGION`,
    console:
      'Amazon EventBridge console (in the region) > Event buses > BUS > Permissions > Manage permissions > remove the statements named in the finding, or add a condition on the organisation or account > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html',
  ],
  needs: ['eventbridge:ListEventBuses'],
  triggers: ['PutPermission', 'RemovePermission'],
  evaluate(bus) {
    const unreadable = unreadableReason(bus.policy);
    if (unreadable !== undefined) return inconclusive(`${bus.name}'s policy could not be read`, unreadable);
    if (bus.policy.kind !== 'present') return pass(`${bus.name} has no resource-based policy`);
    return publicPolicyVerdict(bus.name, bus.policy.value, bus.accountId);
  },
});
