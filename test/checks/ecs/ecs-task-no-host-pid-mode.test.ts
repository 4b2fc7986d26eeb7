import check from '../../../src/checks/ecs/ecs-task-no-host-pid-mode.ts';
import { testCheck } from '../../support/check-tester.ts';
import { TASK_UNKNOWNS, container, describeTask, oneTask } from './ecs-builders.ts';

const withPid = (pidMode?: string) => {
  const answer = describeTask('agent', 3, [container('agent')]);
  return oneTask('agent', 3, {
    ...answer,
    taskDefinition: { ...answer.taskDefinition, ...(pidMode ? { pidMode } : {}) },
  });
};

testCheck(check, {
  pass: [
    {
      name: 'no pidMode',
      snapshot: withPid(),
      message: "agent:3 does not share the host's process namespace (pidMode not set)",
    },
    { name: 'pidMode task', snapshot: withPid('task'), message: '(pidMode task)' },
  ],
  fail: [{ name: 'pidMode host', snapshot: withPid('host'), message: "agent:3 shares the host's process namespace" }],
  unknown: TASK_UNKNOWNS,
});
