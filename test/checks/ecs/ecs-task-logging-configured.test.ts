import check from '../../../src/checks/ecs/ecs-task-logging-configured.ts';
import { testCheck } from '../../support/check-tester.ts';
import { TASK_UNKNOWNS, container, describeTask, oneTask } from './ecs-builders.ts';

const task = (...containers: object[]) => oneTask('web', 2, describeTask('web', 2, containers));

testCheck(check, {
  pass: [
    {
      name: 'every container on awslogs',
      snapshot: task(container('web'), container('sidecar')),
      message: 'web:2 logs every container (awslogs)',
    },
    {
      name: 'FireLens for one, awslogs for the other',
      snapshot: task(
        container('web', { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } }),
        container('log_router'),
      ),
      message: '(awsfirelens, awslogs)',
    },
  ],
  fail: [
    {
      name: 'a sidecar without a log configuration',
      snapshot: task(container('web'), container('sidecar', { logConfiguration: undefined })),
      message: 'web:2 has container(s) without a log configuration: sidecar',
    },
  ],
  unknown: TASK_UNKNOWNS,
});
