import check from '../../../src/checks/apigateway/apigateway-stage-execution-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { APIGATEWAY_UNKNOWNS, oneStage, stage } from './apigateway-builders.ts';

const everyMethod = stage('prod').methodSettings['*/*'];

testCheck(check, {
  pass: [
    {
      name: 'errors logged for every method',
      snapshot: oneStage('prod'),
      message: 'orders/prod writes execution logs at ERROR',
    },
    {
      name: 'INFO, with a method override that still logs',
      snapshot: oneStage('prod', {
        methodSettings: {
          '*/*': { ...everyMethod, loggingLevel: 'INFO' },
          '~1orders/GET': { ...everyMethod, loggingLevel: 'ERROR' },
        },
      }),
      message: 'at INFO',
    },
  ],
  fail: [
    {
      name: 'no method settings: API Gateway logs nothing by default',
      snapshot: oneStage('dev', { methodSettings: {} }),
      message: 'orders/dev does not write execution logs (logging level OFF)',
    },
    {
      name: 'logging turned off',
      snapshot: oneStage('dev', { methodSettings: { '*/*': { ...everyMethod, loggingLevel: 'OFF' } } }),
      message: 'logging level OFF',
    },
    {
      name: 'one method silenced',
      snapshot: oneStage('prod', {
        methodSettings: { '*/*': everyMethod, '~1health/GET': { ...everyMethod, loggingLevel: 'OFF' } },
      }),
      message: 'orders/prod turns execution logging off for ~1health/GET',
    },
  ],
  unknown: APIGATEWAY_UNKNOWNS,
});
