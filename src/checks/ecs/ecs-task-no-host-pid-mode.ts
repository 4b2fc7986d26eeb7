import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { newRevisionCli } from './task-definition-fix.ts';

export default defineCheck({
  id: 'ecs-task-no-host-pid-mode',
  aliases: ['ECS.3', 'ecs_task_definitions_host_namespace_not_shared'],
  service: 'ecs',
  resource: 'ecs-task-definition',
  severity: 'high',
  title: "ECS task definitions do not share the host's process namespace",
  description:
    "With `pidMode: host` the containers see every process of the instance: they can read other tasks' environment and command lines through /proc and, with the right capabilities, signal or trace them, so one compromised container reaches every task on the host. The check reads `pidMode` of the latest ACTIVE revision of every task definition family (DescribeTaskDefinition) and fails when it is `host`. Security Hub ECS.3.",
  remediation: {
    terraform: `resource "aws_ecs_task_definition" "this" {
  family = "web"
  # pid_mode = "host"  <- remove it (or use "task" to share one namespace between the task's own containers)
  container_definitions = jsonencode([{ name = "web", image = "public.ecr.aws/nginx/nginx:stable" }])
}`,
    cli: newRevisionCli('without "pidMode": "host"'),
    console:
      'Amazon ECS console (in the region) > Task definitions > FAMILY > Create new revision (JSON) > remove "pidMode": "host" > Create; then update the services using it.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3',
  ],
  needs: ['ecs:DescribeTaskDefinition'],
  triggers: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'],
  evaluate(task) {
    const pidMode = known(task.pidMode);
    if (pidMode === 'host') return fail(`${task.name} shares the host's process namespace (pidMode host)`);
    return pass(`${task.name} does not share the host's process namespace (pidMode ${pidMode ?? 'not set'})`);
  },
});
