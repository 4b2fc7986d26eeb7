import type { GuardDutyDetector } from '../../services/detection/model.ts';
import { featureStatus, featureTerraform, protectionPlanCheck } from './protection-plan.ts';

/**
 * EKS runtime monitoring counts only with automated agent management: without EKS_ADDON_MANAGEMENT the GuardDuty
 * agent is installed by hand and new clusters go unwatched. Detectors created since Runtime Monitoring report it
 * under RUNTIME_MONITORING; older ones under EKS_RUNTIME_MONITORING. Either one decides.
 */
function eksRuntime(d: GuardDutyDetector): { on: boolean; detail: string } {
  const parts = ['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING'].map((feature) => {
    const status = featureStatus(d, feature);
    const addon = d.featureSettings[feature]?.EKS_ADDON_MANAGEMENT ?? 'not reported';
    return {
      on: status === 'ENABLED' && addon === 'ENABLED',
      text: `${feature}: ${status}, EKS_ADDON_MANAGEMENT: ${addon}`,
    };
  });
  return { on: parts.some((p) => p.on), detail: parts.map((p) => p.text).join('; ') };
}

export default protectionPlanCheck({
  id: 'guardduty-eks-runtime-monitoring',
  fsbp: 'GuardDuty.7',
  prowler: 'guardduty_eks_runtime_monitoring_enabled',
  severity: 'medium',
  plan: 'EKS Runtime Monitoring with automated agent management',
  why: 'EKS Runtime Monitoring runs the GuardDuty security agent on the nodes of EKS clusters and reports process, file and network activity inside containers (reverse shells, miners, container escapes). With automated agent management GuardDuty installs and updates the agent on every cluster, including new ones.',
  feature:
    '`RUNTIME_MONITORING` (or the older `EKS_RUNTIME_MONITORING`) is `ENABLED` with its `EKS_ADDON_MANAGEMENT` additional configuration `ENABLED`',
  enabled: eksRuntime,
  terraform: featureTerraform(
    'RUNTIME_MONITORING',
    `
  additional_configuration {
    name   = "EKS_ADDON_MANAGEMENT"
    status = "ENABLED"
  }`,
  ),
  cliFeatures:
    "'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=EKS_ADDON_MANAGEMENT,Status=ENABLED}]'",
  console:
    'GuardDuty console (in the region) > Protection plans > Runtime Monitoring > Configuration > Runtime Monitoring: Enable; Automated agent configuration, Amazon EKS: Enable.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
});
