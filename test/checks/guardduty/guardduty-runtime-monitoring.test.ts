import check from '../../../src/checks/guardduty/guardduty-runtime-monitoring.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, featureEnabled, featureOff } from './plan-builders.ts';

testCheck(check, {
  pass: [featureEnabled('RUNTIME_MONITORING', 'Runtime Monitoring')],
  fail: featureOff('RUNTIME_MONITORING', 'Runtime Monitoring'),
  unknown: PLAN_UNKNOWNS,
});
