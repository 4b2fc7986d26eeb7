import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'apigateway-stage-client-certificate',
  aliases: ['APIGateway.2', 'apigateway_restapi_client_certificate_enabled'],
  service: 'apigateway',
  resource: 'apigateway-stage',
  severity: 'medium',
  title: 'API Gateway REST API stages present a client certificate to the backend',
  description:
    'A stage with a client certificate signs its calls to the HTTP backend with it, so the backend can reject requests that did not come through API Gateway (and its authorizers and WAF). Without one, anyone who finds the backend URL can call it directly. The check reads `clientCertificateId` from GetStages. Security Hub APIGateway.2.',
  remediation: {
    terraform: `resource "aws_api_gateway_client_certificate" "backend" {
  description = "API Gateway to backend"
}

resource "aws_api_gateway_stage" "this" {
  # ...
  client_certificate_id = aws_api_gateway_client_certificate.backend.id
}`,
    cli: 'aws apigateway generate-client-certificate --description "API Gateway to backend" --region REGION\naws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations op=replace,path=/clientCertificateId,value=CERTIFICATE_ID --region REGION',
    console:
      'API Gateway console (in the region) > Client certificates > Generate. Then APIs > API > Stages > STAGE > Stage details > Edit > Client certificate > the certificate > Save; configure the backend to trust it.',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-2',
  ],
  needs: ['apigateway:GetStages'],
  triggers: ['CreateStage', 'UpdateStage'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    if (stage.clientCertificateId !== undefined)
      return pass(`${label} presents client certificate ${stage.clientCertificateId} to its backend`);
    return fail(`${label} presents no client certificate to its backend`);
  },
});
