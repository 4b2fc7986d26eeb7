import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'apigateway-stage-xray-tracing',
  aliases: ['APIGateway.3', 'AVD-AWS-0003', 'apigateway_restapi_tracing_enabled'],
  service: 'apigateway',
  resource: 'apigateway-stage',
  severity: 'low',
  title: 'API Gateway REST API stages have X-Ray tracing on',
  description:
    "Active X-Ray tracing follows each request from the stage through its integrations, which shows where a slow or failing call spends its time and which backends a request reached. The check reads the stage's `tracingEnabled` from GetStages. Security Hub APIGateway.3.",
  remediation: {
    terraform: `resource "aws_api_gateway_stage" "this" {
  # ...
  xray_tracing_enabled = true
}`,
    cli: 'aws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations op=replace,path=/tracingEnabled,value=true --region REGION',
    console:
      'API Gateway console (in the region) > APIs > API > Stages > STAGE > Logs and tracing > Edit > X-Ray tracing on > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3',
  ],
  needs: ['apigateway:GetStages'],
  triggers: ['CreateStage', 'UpdateStage'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    return stage.tracingEnabled ? pass(`${label} has X-Ray tracing on`) : fail(`${label} has X-Ray tracing off`);
  },
});
