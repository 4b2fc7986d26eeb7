import check from '../../../src/checks/guardduty/guardduty-eks-audit-log-monitoring.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, featureEnabled, featureOff } from './plan-builders.ts';

testCheck(check, {
  pass: [featureEnabled('EKS_AUDIT_LOGS', 'EKS Audit Log Monitoring')],
  fail: featureOff('EKS_AUDIT_LOGS', 'EKS Audit Log Monitoring'),
  unknown: PLAN_UNKNOWNS,
});
