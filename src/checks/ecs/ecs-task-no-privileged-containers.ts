import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { newRevisionCli, taskDefinitionTerraform } from './task-definition-fix.ts';

export default defineCheck({
  id: 'ecs-task-no-privileged-containers',
  aliases: ['ECS.4', 'ecs_task_definitions_no_privileged_containers'],
  service: 'ecs',
  resource: 'ecs-task-definition',
  severity: 'high',
  title: 'ECS task definitions run no privileged container',
  description:
    'A privileged container gets root on its host: every device, and no capability or cgroup limits, so a compromise of the container is a compromise of the instance and of every task on it. The check reads `privileged` of each container in the latest ACTIVE revision of every task definition family (DescribeTaskDefinition) and fails when one is `true`. Security Hub ECS.4.',
  remediation: {
    terraform: taskDefinitionTerraform(`    privileged = false`),
    cli: newRevisionCli('without "privileged": true'),
    console:
      'Amazon ECS console (in the region) > Task definitions > FAMILY > Create new revision > CONTAINER > Docker configuration: Privileged off > Create; then update the services using it.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4',
  ],
  needs: ['ecs:DescribeTaskDefinition'],
  triggers: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'],
  evaluate(task) {
    const privileged = (known(task.containers) ?? []).filter((c) => c.privileged).map((c) => c.name);
    if (privileged.length > 0) return fail(`${task.name} runs privileged container(s): ${privileged.join(', ')}`);
    return pass(`${task.name} runs no privileged container`);
  },
});
