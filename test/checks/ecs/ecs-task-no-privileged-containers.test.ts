import check from '../../../src/checks/ecs/ecs-task-no-privileged-containers.ts';
import { testCheck } from '../../support/check-tester.ts';
import { container, describeTask, oneTask, taskArn, TASK_UNKNOWNS } from './ecs-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'no container sets privileged',
      snapshot: oneTask(
        'web',
        3,
        describeTask('web', 3, [container('web'), container('sidecar', { privileged: false })]),
      ),
      message: 'web:3 runs no privileged container',
    },
  ],
  fail: [
    {
      name: 'the latest revision runs a privileged sidecar',
      snapshot: oneTask(
        'agent',
        2,
        describeTask('agent', 2, [container('app'), container('monitor', { privileged: true })]),
      ),
      arn: taskArn('agent', 2),
      message: 'agent:2 runs privileged container(s): monitor',
    },
  ],
  unknown: TASK_UNKNOWNS,
});
