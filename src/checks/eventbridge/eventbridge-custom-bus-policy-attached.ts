import { unreadableReason } from '../../model/observed.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';

export default defineCheck({
  id: 'eventbridge-custom-bus-policy-attached',
  aliases: ['EventBridge.3'],
  service: 'eventbridge',
  resource: 'eventbridge-event-bus',
  severity: 'low',
  title: 'EventBridge custom event buses have a resource-based policy attached',
  description:
    "A custom event bus without a resource-based policy is open to every principal of the account that IAM allows; a policy states which accounts, organisation or services may put events on it or manage its rules. The check fails for a custom bus whose ListEventBuses entry carries no Policy. The account's `default` bus and partner buses (`aws.partner/…`) are not custom buses and pass with a note. Security Hub EventBridge.3.",
  remediation: {
    terraform: `resource "aws_cloudwatch_event_bus_policy" "this" {
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OrganizationPutEvents"
      Effect    = "Allow"
      Principal = "*"
      Action    = "events:PutEvents"
      Resource  = aws_cloudwatch_event_bus.orders.arn
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
    }]
  })
}`,
    cli: `aws events put-permission --event-bus-name BUS --policy file://bus-policy.json --region REGION`,
    console:
      'Amazon EventBridge console (in the region) > Event buses > BUS > Permissions > Manage permissions > enter the policy (or use a template) > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eventbridge-controls.html#eventbridge-3',
  ],
  needs: ['eventbridge:ListEventBuses'],
  triggers: ['CreateEventBus', 'PutPermission', 'RemovePermission'],
  evaluate(bus) {
    if (bus.origin !== 'custom')
      return pass(
        `${bus.name} is ${bus.origin === 'default' ? "the account's default" : 'a partner'} event bus, not a custom one`,
      );
    const unreadable = unreadableReason(bus.policy);
    if (unreadable !== undefined) return inconclusive(`${bus.name}'s policy could not be read`, unreadable);
    if (bus.policy.kind === 'present') return pass(`${bus.name} has a resource-based policy`);
    return fail(`${bus.name} has no resource-based policy: any principal of the account that IAM allows may use it`);
  },
});
