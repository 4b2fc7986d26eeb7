import { protectionPlanCheck, singleFeature } from './protection-plan.ts';

export default protectionPlanCheck({
  id: 'guardduty-rds-protection',
  fsbp: 'GuardDuty.9',
  prowler: 'guardduty_rds_protection_enabled',
  severity: 'high',
  plan: 'RDS Protection',
  why: 'RDS Protection profiles the login activity of Aurora and RDS databases and reports brute force, logins from unusual places and successful logins after many failures.',
  ...singleFeature('RDS_LOGIN_EVENTS'),
  console: 'GuardDuty console (in the region) > Protection plans > RDS Protection > Enable > Confirm.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
});
