import check from '../../../src/checks/apigateway/apigateway-stage-xray-tracing.ts';
import { testCheck } from '../../support/check-tester.ts';
import { APIGATEWAY_UNKNOWNS, oneStage } from './apigateway-builders.ts';

testCheck(check, {
  pass: [{ name: 'tracing on', snapshot: oneStage('prod'), message: 'orders/prod has X-Ray tracing on' }],
  fail: [
    {
      name: 'tracingEnabled false',
      snapshot: oneStage('dev', { tracingEnabled: false }),
      message: 'orders/dev has X-Ray tracing off',
    },
    { name: 'tracingEnabled left out', snapshot: oneStage('dev', { tracingEnabled: undefined }), message: 'off' },
  ],
  unknown: APIGATEWAY_UNKNOWNS,
});
