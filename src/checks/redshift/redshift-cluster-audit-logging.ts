import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'redshift-cluster-audit-logging',
  aliases: ['Redshift.4', 'redshift_cluster_audit_logging'],
  service: 'redshift',
  resource: 'redshift-cluster',
  severity: 'medium',
  title: 'Redshift clusters have audit logging enabled',
  description:
    "Audit logging records connection attempts, user changes and (with `enable_user_activity_logging`) the queries run, to S3 or CloudWatch Logs; without it nobody can tell who read or changed the warehouse's data. The check reads `LoggingEnabled` from DescribeLoggingStatus and fails when it is false. Security Hub Redshift.4.",
  remediation: {
    terraform: `resource "aws_redshift_logging" "this" {
  cluster_identifier   = aws_redshift_cluster.this.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}`,
    cli: 'aws redshift enable-logging --cluster-identifier CLUSTER --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog --region REGION',
    console:
      'Amazon Redshift console (in the region) > Clusters > CLUSTER > Properties > Database configurations > Edit audit logging > Turn on > CloudWatch (or an S3 bucket) and the log types > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4',
  ],
  needs: ['redshift:DescribeLoggingStatus'],
  triggers: ['CreateCluster', 'EnableLogging', 'DisableLogging'],
  evaluate(cluster) {
    const logging = known(cluster.logging);
    if (logging?.enabled)
      return pass(`${cluster.id} writes audit logs${logging.destination ? ` to ${logging.destination}` : ''}`);
    return fail(`${cluster.id} has audit logging turned off`);
  },
});
