import check from '../../../src/checks/apigatewayv2/apigatewayv2-stage-access-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { LOG_GROUP, REGION, apiArn, apisDenied, denied, oneApi, stage } from './apigatewayv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'access logs to a log group',
      snapshot: oneApi({ stages: { Items: [stage('$default')] } }),
      message: `checkout/$default writes access logs to ${LOG_GROUP}`,
    },
  ],
  fail: [
    {
      name: 'no AccessLogSettings',
      snapshot: oneApi({ stages: { Items: [stage('prod', { AccessLogSettings: undefined })] } }),
      message: 'checkout/prod writes no access logs',
    },
    {
      name: 'AccessLogSettings without a destination',
      snapshot: oneApi({ stages: { Items: [stage('prod', { AccessLogSettings: {} })] } }),
      message: 'writes no access logs',
    },
  ],
  unknown: [
    {
      name: "GetStages denied: the API's stages are hidden",
      snapshot: oneApi({ stages: denied() }),
      arn: apiArn('stages/*'),
      message: 'AccessDeniedException on apigatewayv2:GetStages',
    },
    {
      name: 'GetStages not collected',
      snapshot: oneApi({}),
      arn: apiArn('stages/*'),
      message: 'apigatewayv2:GetStages',
    },
    {
      name: 'GetApis denied',
      snapshot: apisDenied(),
      arn: `arn:aws:apigateway:${REGION}::/apis/*`,
      message: 'AccessDeniedException on apigatewayv2:GetApis',
    },
  ],
});
