import { defineCheck } from '../define-check.ts';
import { MONITORING_CONTROLS } from '../monitoring/controls.ts';
import { monitoringCheck } from '../monitoring/monitoring-check.ts';

export default defineCheck(
  monitoringCheck(MONITORING_CONTROLS.consoleSigninWithoutMfa, {
    id: 'monitoring-console-signin-without-mfa',
    severity: 'medium',
    title: 'An alarm fires on console sign-in without MFA',
    description:
      'A successful console sign-in by an IAM user without MFA means a password alone opened the console: either a user MFA was never enforced for, or a stolen password in use (CIS AWS 4.2).',
  }),
);
