import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'eks-cluster-audit-logging',
  aliases: ['EKS.8', 'AVD-AWS-0038', 'eks_control_plane_logging_all_types_enabled'],
  service: 'eks',
  resource: 'eks-cluster',
  severity: 'medium',
  title: 'EKS clusters send audit logs to CloudWatch Logs',
  description:
    "The Kubernetes audit log records who did what through the API server (secrets read, pods exec'd, roles bound); without it an incident in the cluster cannot be reconstructed. The check reads `logging.clusterLogging` from DescribeCluster and fails unless the `audit` type is enabled. Security Hub EKS.8.",
  remediation: {
    terraform: `resource "aws_eks_cluster" "this" {
  # ...
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}`,
    cli: 'aws eks update-cluster-config --name CLUSTER --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\' --region REGION',
    console:
      'Amazon EKS console (in the region) > Clusters > CLUSTER > Observability > Control plane logging > Manage logging > Audit: on > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8',
  ],
  needs: ['eks:DescribeCluster'],
  triggers: ['CreateCluster', 'UpdateClusterConfig'],
  evaluate(cluster) {
    const types = known(cluster.details)?.enabledLogTypes ?? [];
    if (types.includes('audit')) return pass(`${cluster.name} sends audit logs (enabled: ${types.join(', ')})`);
    return fail(
      `${cluster.name} does not send audit logs${types.length > 0 ? ` (enabled: ${types.join(', ')})` : ' (control plane logging off)'}`,
    );
  },
});
