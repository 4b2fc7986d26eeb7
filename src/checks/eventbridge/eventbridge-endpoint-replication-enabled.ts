import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'eventbridge-endpoint-replication-enabled',
  aliases: ['EventBridge.4', 'eventbridge_global_endpoint_event_replication_enabled'],
  service: 'eventbridge',
  resource: 'eventbridge-endpoint',
  severity: 'medium',
  title: 'EventBridge global endpoints replicate events to the secondary Region',
  description:
    'A global endpoint fails over to the event bus of a secondary Region when the primary is unhealthy. With event replication on, events are also sent to the secondary bus while the primary is healthy, so the events in flight at failover are not lost; without it they are. The check fails for an endpoint whose ReplicationConfig State is DISABLED. Security Hub EventBridge.4.',
  remediation: {
    terraform: `resource "aws_cloudwatch_event_endpoint" "this" {
  name     = "orders"
  role_arn = aws_iam_role.replication.arn
  event_bus {
    event_bus_arn = aws_cloudwatch_event_bus.primary.arn
  }
  event_bus {
    event_bus_arn = aws_cloudwatch_event_bus.secondary.arn
  }
  replication_config {
    state = "ENABLED"
  }
  routing_config {
    failover_config {
      primary {
        health_check = aws_route53_health_check.primary.arn
      }
      secondary {
        route = "us-west-2"
      }
    }
  }
}`,
    cli: `aws events update-endpoint --name ENDPOINT --replication-config State=ENABLED --role-arn REPLICATION_ROLE_ARN --region REGION`,
    console:
      'Amazon EventBridge console (in the region) > Global endpoints > ENDPOINT > Edit > Event replication: enabled, with an execution role > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-global-endpoints.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eventbridge-controls.html#eventbridge-4',
  ],
  needs: ['eventbridge:ListEndpoints'],
  triggers: ['CreateEndpoint', 'UpdateEndpoint'],
  evaluate(endpoint) {
    if (endpoint.replication === 'DISABLED')
      return fail(`${endpoint.name} does not replicate events: those in flight at a failover are lost`);
    return pass(`${endpoint.name} replicates events to its secondary Region`);
  },
});
