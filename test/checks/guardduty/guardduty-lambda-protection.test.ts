import check from '../../../src/checks/guardduty/guardduty-lambda-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, featureEnabled, featureOff } from './plan-builders.ts';

testCheck(check, {
  pass: [featureEnabled('LAMBDA_NETWORK_LOGS', 'Lambda Protection')],
  fail: featureOff('LAMBDA_NETWORK_LOGS', 'Lambda Protection'),
  unknown: PLAN_UNKNOWNS,
});
