import { protectionPlanCheck, singleFeature } from './protection-plan.ts';

export default protectionPlanCheck({
  id: 'guardduty-runtime-monitoring',
  fsbp: 'GuardDuty.11',
  prowler: 'guardduty_runtime_monitoring_enabled',
  severity: 'high',
  plan: 'Runtime Monitoring',
  why: 'Runtime Monitoring reads operating system events (processes, files, network connections) from EKS, ECS on Fargate and EC2 workloads through the GuardDuty security agent, and reports what happens inside a compromised workload.',
  ...singleFeature('RUNTIME_MONITORING'),
  feature: 'the `RUNTIME_MONITORING` feature is `ENABLED` (which workloads get the agent is GuardDuty.7, .12 and .13)',
  console: 'GuardDuty console (in the region) > Protection plans > Runtime Monitoring > Configuration > Enable.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
});
