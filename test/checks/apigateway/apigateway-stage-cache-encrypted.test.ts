import check from '../../../src/checks/apigateway/apigateway-stage-cache-encrypted.ts';
import { testCheck } from '../../support/check-tester.ts';
import { APIGATEWAY_UNKNOWNS, oneStage, stage } from './apigateway-builders.ts';

const everyMethod = stage('prod').methodSettings['*/*'];

testCheck(check, {
  pass: [
    { name: 'cache encrypted', snapshot: oneStage('prod'), message: 'orders/prod encrypts its cached responses' },
    {
      name: 'no method caches',
      snapshot: oneStage('dev', {
        cacheClusterEnabled: false,
        methodSettings: { '*/*': { ...everyMethod, cachingEnabled: false, cacheDataEncrypted: false } },
      }),
      message: 'orders/dev caches no responses',
    },
    {
      name: 'no method settings at all',
      snapshot: oneStage('dev', { methodSettings: undefined }),
      message: 'caches no',
    },
  ],
  fail: [
    {
      name: 'stage-wide cache unencrypted',
      snapshot: oneStage('prod', { methodSettings: { '*/*': { ...everyMethod, cacheDataEncrypted: false } } }),
      message: 'orders/prod caches responses unencrypted for */*',
    },
    {
      name: 'one overriding method caches unencrypted',
      snapshot: oneStage('prod', {
        methodSettings: {
          '*/*': { ...everyMethod, cachingEnabled: false, cacheDataEncrypted: false },
          '~1catalog/GET': { ...everyMethod, cacheDataEncrypted: false },
        },
      }),
      message: 'unencrypted for ~1catalog/GET',
    },
  ],
  unknown: APIGATEWAY_UNKNOWNS,
});
