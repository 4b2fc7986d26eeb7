import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'neptune-cluster-multi-az',
  aliases: ['Neptune.9', 'neptune_cluster_multi_az'],
  service: 'neptune',
  resource: 'neptune-cluster',
  severity: 'medium',
  title: 'Neptune DB clusters have instances in more than one Availability Zone',
  description:
    "A cluster whose instances are in several Availability Zones (`MultiAZ`) fails over to a read replica in another zone when the primary's zone goes down; a single-zone cluster is unavailable until it is recovered. Security Hub Neptune.9.",
  remediation: {
    terraform: `resource "aws_neptune_cluster_instance" "replica" {
  cluster_identifier = aws_neptune_cluster.this.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1b" # another zone than the primary's
}`,
    cli: `aws neptune create-db-instance --db-instance-identifier CLUSTER-replica --db-cluster-identifier CLUSTER --db-instance-class db.r6g.large --engine neptune --availability-zone OTHER_AZ --region REGION`,
    console:
      "Neptune console (in the region) > Clusters > CLUSTER > Actions > Add reader > choose an Availability Zone other than the primary's > Create.",
  },
  references: [
    'https://docs.aws.amazon.com/neptune/latest/userguide/feature-overview-availability.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-9',
  ],
  needs: ['neptune:DescribeDBClusters'],
  triggers: ['CreateDBCluster', 'CreateDBInstance', 'DeleteDBInstance', 'ModifyDBInstance'],
  evaluate(cluster) {
    if (cluster.multiAz) return pass(`${cluster.id} has instances in more than one Availability Zone`);
    return fail(`${cluster.id} runs in a single Availability Zone`);
  },
});
