import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'redshift-cluster-major-version-upgrades',
  aliases: ['Redshift.6', 'redshift_cluster_automatic_upgrades'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: 'Redshift clusters allow automatic major version upgrades',
  description:
    'With `AllowVersionUpgrade` off a cluster stays on its engine version and misses the security fixes of newer ones; with it on, Redshift upgrades it in the maintenance window. The check reads `AllowVersionUpgrade` from DescribeClusters and fails when it is false. Security Hub Redshift.6.',
  remediation: {
    terraform: `resource "aws_redshift_cluster" "this" {
  # ...
  allow_version_upgrade = true
}`,
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --allow-version-upgrade --region REGION',
    console:
      'Amazon Redshift console (in the region) > Clusters > CLUSTER > Maintenance > Edit > Allow version upgrade: on > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-considerations.html#rs-mgmt-set-maintenance-track',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6',
  ],
  needs: ['redshift:DescribeClusters'],
  triggers: ['CreateCluster', 'ModifyCluster', 'RestoreFromClusterSnapshot'],
  evaluate(cluster) {
    if (cluster.allowVersionUpgrade) return pass(`${cluster.id} receives major version upgrades automatically`);
    return fail(`${cluster.id} does not allow major version upgrades (AllowVersionUpgrade off)`);
  },
});
