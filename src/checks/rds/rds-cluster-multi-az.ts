import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-cluster-multi-az',
  aliases: ['RDS.15', 'rds_cluster_multi_az'],
  service: 'rds',
  resource: 'rds-cluster',
  severity: 'medium',
  title: 'RDS DB clusters span multiple Availability Zones',
  description:
    'A cluster whose instances all sit in one Availability Zone has nowhere to fail over when that zone fails. RDS reports MultiAZ when the cluster has DB instances in more than one zone: an Aurora reader in another zone, or a Multi-AZ DB cluster. Security Hub RDS.15.',
  remediation: {
    terraform: `resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = aws_rds_cluster.this.db_cluster_instance_class
  engine             = aws_rds_cluster.this.engine
  availability_zone  = "REGIONb" # a zone the writer is not in
}`,
    cli: `aws rds create-db-instance --db-instance-identifier CLUSTER-reader --db-cluster-identifier CLUSTER --engine ENGINE --db-instance-class INSTANCE_CLASS --availability-zone OTHER_AZ --region REGION`,
    console:
      'RDS console (in the region) > Databases > CLUSTER > Actions > Add reader > Availability zone: one the writer is not in > Add reader.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-15',
  ],
  needs: ['rds:DescribeDBClusters'],
  triggers: [
    'CreateDBCluster',
    'ModifyDBCluster',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromS3',
  ],
  evaluate(cluster) {
    if (cluster.multiAz) return pass(`${cluster.id} has DB instances in more than one Availability Zone`);
    return fail(`${cluster.id} has all its DB instances in one Availability Zone: nothing to fail over to`);
  },
});
