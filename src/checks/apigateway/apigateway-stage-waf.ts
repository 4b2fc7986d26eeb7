import { defineCheck, fail, pass } from '../define-check.ts';
import { wafWebAclTerraform } from '../waf-web-acl-terraform.ts';

export default defineCheck({
  id: 'apigateway-stage-waf',
  aliases: ['APIGateway.4', 'apigateway_restapi_waf_acl_attached'],
  service: 'apigateway',
  resource: 'apigateway-stage',
  severity: 'medium',
  title: 'API Gateway REST API stages are protected by an AWS WAF web ACL',
  description:
    "A web ACL filters requests before they reach the API: SQL injection and cross-site scripting patterns, known bad IP addresses, request floods. The check reads the stage's `webAclArn` from GetStages and fails when it has none. Security Hub APIGateway.4.",
  remediation: {
    terraform: `${wafWebAclTerraform({ resource: 'api', name: 'api-protection', scope: 'REGIONAL' })}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_api_gateway_stage.this.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}`,
    cli: 'aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn arn:aws:apigateway:REGION::/restapis/API_ID/stages/STAGE --region REGION',
    console:
      "AWS WAF console > Web ACLs (the stage's region) > WEB_ACL > Associated AWS resources > Add AWS resources > Amazon API Gateway REST API > the stage > Add.",
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4',
  ],
  needs: ['apigateway:GetStages'],
  triggers: ['CreateStage', 'UpdateStage', 'AssociateWebACL', 'DisassociateWebACL'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    if (stage.webAclArn === undefined) return fail(`${label} is not associated with an AWS WAF web ACL`);
    return pass(`${label} is protected by web ACL ${stage.webAclArn.split('/').at(-2) ?? stage.webAclArn}`);
  },
});
