import { protectionPlanCheck, singleFeature } from './protection-plan.ts';

export default protectionPlanCheck({
  id: 'guardduty-lambda-protection',
  fsbp: 'GuardDuty.6',
  prowler: 'guardduty_lambda_protection_enabled',
  severity: 'high',
  plan: 'Lambda Protection',
  why: 'Lambda Protection watches the network activity of every Lambda invocation, so a function that was changed to mine cryptocurrency or talk to a command-and-control host is reported.',
  ...singleFeature('LAMBDA_NETWORK_LOGS'),
  console: 'GuardDuty console (in the region) > Protection plans > Lambda Protection > Enable > Confirm.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html',
});
