import check from '../../../src/checks/apigateway/apigateway-stage-client-certificate.ts';
import { testCheck } from '../../support/check-tester.ts';
import { APIGATEWAY_UNKNOWNS, oneStage } from './apigateway-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'client certificate set',
      snapshot: oneStage('prod'),
      message: 'orders/prod presents client certificate q1w2e3 to its backend',
    },
  ],
  fail: [
    {
      name: 'no clientCertificateId in the stage',
      snapshot: oneStage('dev', { clientCertificateId: undefined }),
      message: 'orders/dev presents no client certificate to its backend',
    },
  ],
  unknown: APIGATEWAY_UNKNOWNS,
});
