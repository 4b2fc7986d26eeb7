import check from '../../../src/checks/ecs/ecs-task-readonly-root-filesystem.ts';
import { testCheck } from '../../support/check-tester.ts';
import { container, denied, describeTask, oneTask, taskArn } from './ecs-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'every container read-only',
      snapshot: oneTask(
        'web',
        3,
        describeTask('web', 3, [
          container('web', { readonlyRootFilesystem: true }),
          container('proxy', { readonlyRootFilesystem: true }),
        ]),
      ),
      message: 'web:3 has read-only root file systems in every container',
    },
  ],
  fail: [
    {
      name: 'one container left at the default',
      snapshot: oneTask(
        'web',
        4,
        describeTask('web', 4, [container('web', { readonlyRootFilesystem: true }), container('proxy')]),
      ),
      arn: taskArn('web', 4),
      message: 'web:4 has container(s) with a writable root file system: proxy',
    },
    {
      name: 'explicitly false',
      snapshot: oneTask('jobs', 1, describeTask('jobs', 1, [container('jobs', { readonlyRootFilesystem: false })])),
      message: 'writable root file system: jobs',
    },
  ],
  unknown: [
    {
      name: 'DescribeTaskDefinition denied',
      snapshot: oneTask('web', 1, denied('DescribeTaskDefinition')),
      message: 'AccessDeniedException on ecs:DescribeTaskDefinition',
    },
  ],
});
