import check from '../../../src/checks/apigatewayv2/apigatewayv2-route-authorization.ts';
import { testCheck } from '../../support/check-tester.ts';
import { REGION, apiArn, apisDenied, denied, oneApi, route } from './apigatewayv2-builders.ts';

const routes = (...items: object[]) => ({ Items: items });

testCheck(check, {
  pass: [
    {
      name: 'JWT authorizer',
      snapshot: oneApi({ routes: routes(route('r1', 'GET /orders', 'JWT')) }),
      message: 'checkout route GET /orders is authorized by JWT',
    },
    {
      name: 'WebSocket message route behind an authorized $connect',
      snapshot: oneApi(
        { routes: routes(route('c1', '$connect', 'CUSTOM'), route('m1', 'sendmessage', 'NONE')) },
        'WEBSOCKET',
      ),
      arn: apiArn('routes/m1'),
      message: 'checkout route sendmessage is reached through $connect, authorized by CUSTOM',
    },
  ],
  fail: [
    {
      name: 'NONE on an HTTP route',
      snapshot: oneApi({ routes: routes(route('r2', 'POST /refunds', 'NONE')) }),
      message: 'checkout route POST /refunds has no authorization (NONE)',
    },
    {
      name: 'AuthorizationType left out: API Gateway defaults to NONE',
      snapshot: oneApi({ routes: routes({ RouteId: 'r3', RouteKey: '$default', Target: 'integrations/int001' }) }),
      message: 'checkout route $default has no authorization',
    },
    {
      name: 'WebSocket $connect without authorization',
      snapshot: oneApi(
        { routes: routes(route('c1', '$connect', 'NONE'), route('m1', 'sendmessage', 'NONE')) },
        'WEBSOCKET',
      ),
      arn: apiArn('routes/m1'),
      message: 'whose $connect route has no authorization',
    },
  ],
  unknown: [
    {
      name: "GetRoutes denied: the API's routes are hidden",
      snapshot: oneApi({ routes: denied() }),
      arn: apiArn('routes/*'),
      message: 'AccessDeniedException on apigatewayv2:GetRoutes',
    },
    {
      name: 'GetRoutes not collected',
      snapshot: oneApi({}),
      arn: apiArn('routes/*'),
      message: 'apigatewayv2:GetRoutes',
    },
    {
      name: 'GetApis denied',
      snapshot: apisDenied(),
      arn: `arn:aws:apigateway:${REGION}::/apis/*`,
      message: 'AccessDeniedException on apigatewayv2:GetApis',
    },
  ],
});
