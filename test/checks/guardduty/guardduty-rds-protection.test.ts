import check from '../../../src/checks/guardduty/guardduty-rds-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, featureEnabled, featureOff } from './plan-builders.ts';

testCheck(check, {
  pass: [featureEnabled('RDS_LOGIN_EVENTS', 'RDS Protection')],
  fail: featureOff('RDS_LOGIN_EVENTS', 'RDS Protection'),
  unknown: PLAN_UNKNOWNS,
});
