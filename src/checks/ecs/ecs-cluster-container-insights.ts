import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'ecs-cluster-container-insights',
  aliases: ['ECS.12', 'AVD-AWS-0034', 'ecs_cluster_container_insights_enabled'],
  service: 'ecs',
  resource: 'ecs-cluster',
  severity: 'medium',
  title: 'ECS clusters use Container Insights',
  description:
    'Container Insights collects the cluster\'s task and container metrics and events into CloudWatch, which is what an investigation of a misbehaving or compromised task starts from. The check reads the cluster\'s `containerInsights` setting from DescribeClusters (asked with `include: ["SETTINGS"]`): `enabled` or `enhanced` passes; `disabled`, or no setting, fails. Security Hub ECS.12.',
  remediation: {
    terraform: `resource "aws_ecs_cluster" "this" {
  name = "apps"
  setting {
    name  = "containerInsights"
    value = "enabled" # or "enhanced"
  }
}`,
    cli: 'aws ecs update-cluster-settings --cluster CLUSTER --settings name=containerInsights,value=enabled --region REGION',
    console:
      'Amazon ECS console (in the region) > Clusters > CLUSTER > Update cluster > Monitoring > Container Insights: on > Update.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12',
  ],
  needs: ['ecs:DescribeClusters'],
  triggers: ['CreateCluster', 'UpdateClusterSettings', 'UpdateCluster'],
  evaluate(cluster) {
    const setting = known(cluster.containerInsights);
    if (setting === 'enabled' || setting === 'enhanced')
      return pass(`${cluster.name} has Container Insights ${setting}`);
    return fail(
      `${cluster.name} has Container Insights ${setting === 'disabled' ? 'disabled' : 'not configured (no containerInsights setting)'}`,
    );
  },
});
