import check from '../../../src/checks/apigateway/apigateway-stage-waf.ts';
import { testCheck } from '../../support/check-tester.ts';
import { APIGATEWAY_UNKNOWNS, oneStage } from './apigateway-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'web ACL associated',
      snapshot: oneStage('prod'),
      message: 'orders/prod is protected by web ACL api-protection',
    },
  ],
  fail: [
    {
      name: 'no webAclArn',
      snapshot: oneStage('dev', { webAclArn: undefined }),
      message: 'orders/dev is not associated with an AWS WAF web ACL',
    },
  ],
  unknown: APIGATEWAY_UNKNOWNS,
});
