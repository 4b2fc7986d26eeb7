import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'apigatewayv2-stage-access-logging',
  aliases: ['APIGateway.9', 'AVD-AWS-0001', 'apigatewayv2_api_access_logging_enabled'],
  service: 'apigatewayv2',
  resource: 'apigatewayv2-stage',
  severity: 'medium',
  title: 'API Gateway HTTP and WebSocket API stages write access logs',
  description:
    "Access logs record who called the API (source IP, identity, route, status) for every request; without them an abuse of the API cannot be traced. The check reads the stage's `AccessLogSettings.DestinationArn` from GetStages and fails when the stage has none. Security Hub APIGateway.9.",
  remediation: {
    terraform: `resource "aws_apigatewayv2_stage" "this" {
  # ...
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId = "$context.requestId", ip = "$context.identity.sourceIp", routeKey = "$context.routeKey",
      status = "$context.status", requestTime = "$context.requestTime"
    })
  }
}`,
    cli: `aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --access-log-settings 'DestinationArn=LOG_GROUP_ARN,Format="$context.requestId $context.identity.sourceIp $context.routeKey $context.status"' --region REGION`,
    console:
      'API Gateway console (in the region) > APIs > API > Monitor > Logging > the stage > Edit > Access logging on > the log group ARN and a log format > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-9',
  ],
  needs: ['apigatewayv2:GetStages'],
  triggers: ['CreateStage', 'UpdateStage'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    if (stage.accessLogDestination === undefined) return fail(`${label} writes no access logs`);
    return pass(`${label} writes access logs to ${stage.accessLogDestination}`);
  },
});
