import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'apigatewayv2-route-authorization',
  aliases: ['APIGateway.8', 'apigatewayv2_api_authorizers_enabled'],
  service: 'apigatewayv2',
  resource: 'apigatewayv2-route',
  severity: 'medium',
  title: 'API Gateway HTTP and WebSocket API routes require authorization',
  description:
    "A route whose authorization type is `NONE` lets anyone on the internet call its integration. The check reads each route's `AuthorizationType` from GetRoutes and fails on `NONE`. A WebSocket client is authorized once, on the `$connect` route (API Gateway accepts no authorizer on the other routes), so the other routes of a WebSocket API are judged by their API's `$connect` route. Security Hub APIGateway.8.",
  remediation: {
    terraform: `resource "aws_apigatewayv2_route" "this" {
  # ...
  authorization_type = "JWT" # or "AWS_IAM", "CUSTOM" (a Lambda authorizer)
  authorizer_id      = aws_apigatewayv2_authorizer.this.id
}`,
    cli: 'aws apigatewayv2 update-route --api-id API_ID --route-id ROUTE_ID --authorization-type JWT --authorizer-id AUTHORIZER_ID --region REGION',
    console:
      'API Gateway console (in the region) > APIs > API > Authorization > the route > Attach authorizer (create one first if needed); for a WebSocket API: Routes > $connect > Route request > Authorization.',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8',
  ],
  needs: ['apigatewayv2:GetRoutes'],
  triggers: ['CreateRoute', 'UpdateRoute'],
  evaluate(route) {
    const label = `${route.apiName} route ${route.routeKey}`;
    if (route.protocol === 'WEBSOCKET' && route.routeKey !== '$connect') {
      const connect = route.connectAuthorizationType;
      if (connect === undefined)
        return fail(`${label} belongs to a WebSocket API without a $connect route to authorize it`);
      if (connect === 'NONE')
        return fail(`${label} belongs to a WebSocket API whose $connect route has no authorization`);
      return pass(`${label} is reached through $connect, authorized by ${connect}`);
    }
    if (route.authorizationType === 'NONE') return fail(`${label} has no authorization (NONE)`);
    return pass(`${label} is authorized by ${route.authorizationType}`);
  },
});
