import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'cloudtrail-cloudwatch-logs',
  aliases: ['CloudTrail.5', 'AVD-AWS-0162'],
  service: 'cloudtrail',
  resource: 'cloudtrail-trail',
  severity: 'low',
  title: 'CloudTrail trail sends events to CloudWatch Logs',
  description:
    'Delivering the trail to a CloudWatch Logs group makes metric filters and alarms on API activity possible (root logins, IAM policy changes, console logins without MFA: CIS AWS section 4), in minutes rather than after S3 delivery (CIS AWS 3.4 in v3.0).',
  remediation: {
    terraform: `resource "aws_cloudtrail" "main" {
  # ...
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cloudwatch.arn
}`,
    cli: 'aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:* --cloud-watch-logs-role-arn arn:aws:iam::ACCOUNT:role/ROLE',
    console:
      'CloudTrail console > Trails > TRAIL > CloudWatch Logs > Edit > Enabled > log group and IAM role > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  ],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: ['CreateTrail', 'UpdateTrail'],
  evaluate(trail) {
    return trail.cloudWatchLogsLogGroupArn
      ? pass(`events go to ${trail.cloudWatchLogsLogGroupArn}`)
      : fail(`${trail.name} is not integrated with CloudWatch Logs`);
  },
});
