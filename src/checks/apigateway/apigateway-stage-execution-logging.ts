import { methodSettingsTerraform } from '../apigateway-method-settings-terraform.ts';
import { defineCheck, fail, pass } from '../define-check.ts';

const LOGGING = new Set(['ERROR', 'INFO']);

export default defineCheck({
  id: 'apigateway-stage-execution-logging',
  aliases: ['APIGateway.1', 'apigateway_restapi_logging_enabled'],
  service: 'apigateway',
  resource: 'apigateway-stage',
  severity: 'medium',
  title: 'API Gateway REST API stages write execution logs',
  description:
    "Execution logs record each request's authorizer and integration results in CloudWatch Logs; without them a misuse of the API or a failing backend leaves no trace. The check reads the stage's `methodSettings` from GetStages and fails unless the stage-wide setting (`*/*`) logs at `ERROR` or `INFO` and no method overrides it with `OFF`. Security Hub APIGateway.1.",
  remediation: {
    terraform: methodSettingsTerraform(['logging_level = "ERROR" # or "INFO"']),
    cli: "aws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=ERROR' --region REGION  # the account needs a CloudWatch Logs role: aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=ROLE_ARN",
    console:
      'API Gateway console (in the region) > APIs > API > Stages > STAGE > Logs and tracing > Edit > CloudWatch logs: Errors only (or Errors and info logs) > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1',
  ],
  needs: ['apigateway:GetStages'],
  triggers: ['CreateStage', 'UpdateStage'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    const level = stage.methodSettings['*/*']?.loggingLevel ?? 'OFF';
    if (!LOGGING.has(level)) return fail(`${label} does not write execution logs (logging level ${level})`);
    const silenced = Object.entries(stage.methodSettings)
      .filter(([path, m]) => path !== '*/*' && m.loggingLevel === 'OFF')
      .map(([path]) => path);
    if (silenced.length > 0) return fail(`${label} turns execution logging off for ${silenced.join(', ')}`);
    return pass(`${label} writes execution logs at ${level}`);
  },
});
