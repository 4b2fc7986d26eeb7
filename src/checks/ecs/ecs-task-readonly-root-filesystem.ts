import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';
import { newRevisionCli, taskDefinitionTerraform } from './task-definition-fix.ts';

export default defineCheck({
  id: 'ecs-task-readonly-root-filesystem',
  aliases: ['ECS.5', 'ecs_task_definitions_containers_readonly_access'],
  service: 'ecs',
  resource: 'ecs-task-definition',
  severity: 'high',
  title: 'ECS containers have read-only root file systems',
  description:
    "With a read-only root file system an intruder cannot drop tools or change the container's binaries and configuration; what must be written goes to declared volumes. The check reads `readonlyRootFilesystem` of each container in the latest ACTIVE revision of every task definition family (DescribeTaskDefinition) and fails when one container leaves it off (the default). Security Hub ECS.5.",
  remediation: {
    terraform: taskDefinitionTerraform(
      `    readonlyRootFilesystem = true
    # writable paths as volumes: mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp" }]`,
    ),
    cli: newRevisionCli('with "readonlyRootFilesystem": true for every container'),
    console:
      'Amazon ECS console (in the region) > Task definitions > FAMILY > Create new revision > CONTAINER > Read only root file system: on > Create; then update the services using it.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5',
  ],
  needs: ['ecs:DescribeTaskDefinition'],
  triggers: ['RegisterTaskDefinition', 'DeregisterTaskDefinition'],
  evaluate(task) {
    const writable = (known(task.containers) ?? []).filter((c) => !c.readonlyRootFilesystem).map((c) => c.name);
    if (writable.length > 0)
      return fail(`${task.name} has container(s) with a writable root file system: ${writable.join(', ')}`);
    return pass(`${task.name} has read-only root file systems in every container`);
  },
});
