import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'sfn-state-machine-logging',
  aliases: ['StepFunctions.1', 'stepfunctions_statemachine_logging_enabled'],
  service: 'sfn',
  resource: 'sfn-state-machine',
  severity: 'medium',
  title: 'Step Functions state machines log their executions',
  description:
    "Execution logs in CloudWatch Logs record each execution's events and errors; an express workflow keeps no history at all without them, and a standard one only for 90 days. The check reads `loggingConfiguration.level` from DescribeStateMachine and fails when it is `OFF` or not set. Security Hub StepFunctions.1.",
  remediation: {
    terraform: `resource "aws_sfn_state_machine" "this" {
  # ...
  logging_configuration {
    log_destination        = "\${aws_cloudwatch_log_group.sfn.arn}:*"
    include_execution_data = false
    level                  = "ERROR" # or "ALL"
  }
}`,
    cli: `aws stepfunctions update-state-machine --state-machine-arn STATE_MACHINE_ARN --logging-configuration 'level=ERROR,includeExecutionData=false,destinations=[{cloudWatchLogsLogGroup={logGroupArn=LOG_GROUP_ARN:*}}]' --region REGION`,
    console:
      'Step Functions console (in the region) > State machines > STATE_MACHINE > Edit > Config > Logging > Log level: ERROR (or ALL) > a log group > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html#stepfunctions-1',
  ],
  needs: ['sfn:DescribeStateMachine'],
  triggers: ['CreateStateMachine', 'UpdateStateMachine'],
  evaluate(machine) {
    const level = known(machine.logLevel) ?? 'OFF';
    if (level === 'OFF') return fail(`${machine.name} does not log its executions (level OFF)`);
    return pass(`${machine.name} logs its executions at ${level}`);
  },
});
