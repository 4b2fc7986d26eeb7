import { protectionPlanCheck, singleFeature } from './protection-plan.ts';

export default protectionPlanCheck({
  id: 'guardduty-eks-audit-log-monitoring',
  fsbp: 'GuardDuty.5',
  prowler: 'guardduty_eks_audit_log_enabled',
  severity: 'high',
  plan: 'EKS Audit Log Monitoring',
  why: 'EKS Audit Log Monitoring reads the Kubernetes audit logs of every EKS cluster in the region, so GuardDuty sees anonymous API access, exec into pods, privileged pods and secrets enumeration that CloudTrail management events never show.',
  ...singleFeature('EKS_AUDIT_LOGS'),
  console:
    'GuardDuty console (in the region) > Protection plans > EKS Protection > Edit > EKS Audit Log Monitoring: Enable > Save.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
});
