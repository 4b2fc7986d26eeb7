import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { newRevisionCli, taskDefinitionTerraform } from './task-definition-fix.ts';

export default defineCheck({
  id: 'ecs-task-logging-configured',
  aliases: ['ECS.9', 'ecs_task_definitions_logging_enabled'],
  service: 'ecs',
  resource: 'ecs-task-definition',
  severity: 'high',
  title: 'ECS task definitions give every container a log configuration',
  description:
    'A container without a log driver writes its output nowhere anyone can read after the task stops (on Fargate, nowhere at all), so errors and the traces of an intrusion are gone. The check reads `logConfiguration.logDriver` of each container in the latest ACTIVE revision of every task definition family (DescribeTaskDefinition) and fails when one has none. Security Hub ECS.9.',
  remediation: {
    terraform: taskDefinitionTerraform(`    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.web.name
        "awslogs-region"        = "REGION"
        "awslogs-stream-prefix" = "web"
      }
    }`),
    cli: newRevisionCli('with a "logConfiguration" (e.g. "logDriver": "awslogs") in every container'),
    console:
      'Amazon ECS console (in the region) > Task definitions > FAMILY > Create new revision > CONTAINER > Logging: Use log collection (Amazon CloudWatch) > Create; then update the services using it.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9',
  ],
  needs: ['ecs:DescribeTaskDefinition'],
  triggers: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'],
  evaluate(task) {
    const containers = known(task.containers) ?? [];
    const silent = containers.filter((c) => c.logDriver === undefined).map((c) => c.name);
    if (silent.length > 0)
      return fail(`${task.name} has container(s) without a log configuration: ${silent.join(', ')}`);
    const drivers = [...new Set(containers.map((c) => c.logDriver))].join(', ');
    return pass(`${task.name} logs every container (${drivers || 'no containers'})`);
  },
});
