import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'cloudtrail-log-file-validation',
  aliases: ['CloudTrail.4', 'AVD-AWS-0016'],
  service: 'cloudtrail',
  resource: 'cloudtrail-trail',
  severity: 'medium',
  title: 'CloudTrail trail has log file validation enabled',
  description:
    'With log file validation, CloudTrail delivers a signed digest file every hour, so `aws cloudtrail validate-logs` can prove that no log file was changed or deleted after delivery, which an attacker covering tracks would do (CIS AWS 3.2).',
  remediation: {
    terraform: `resource "aws_cloudtrail" "main" {
  # ...
  enable_log_file_validation = true
}`,
    cli: 'aws cloudtrail update-trail --name TRAIL --enable-log-file-validation',
    console:
      'CloudTrail console > Trails > TRAIL > General details > Edit > Log file validation: Enabled > Save changes.',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
  needs: ['cloudtrail:DescribeTrails'],
  triggers: ['CreateTrail', 'UpdateTrail'],
  evaluate(trail) {
    return trail.logFileValidation
      ? pass('log file validation is enabled')
      : fail(`log file validation is off on ${trail.name}`);
  },
});
