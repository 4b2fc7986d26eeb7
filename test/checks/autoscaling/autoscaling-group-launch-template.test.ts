import check from '../../../src/checks/autoscaling/autoscaling-group-launch-template.ts';
import { testCheck } from '../../support/check-tester.ts';
import { group, GROUPS_DENIED, groups, legacyGroup } from './autoscaling-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'a mixed instances policy with a launch template',
      snapshot: groups(group('web')),
      message: 'web launches from launch template web',
    },
    {
      name: 'a launch template of its own',
      snapshot: groups(
        group('api', {
          MixedInstancesPolicy: undefined,
          LaunchTemplate: { LaunchTemplateId: 'lt-0b1c2d3e4f5a60718', LaunchTemplateName: 'api', Version: '3' },
        }),
      ),
      message: 'api launches from launch template api',
    },
  ],
  fail: [
    {
      name: 'a launch configuration',
      snapshot: groups(legacyGroup('legacy')),
      message: 'legacy launches from launch configuration legacy-lc',
    },
  ],
  unknown: [
    GROUPS_DENIED,
    {
      name: 'neither is reported',
      snapshot: groups(group('odd', { MixedInstancesPolicy: undefined })),
      message: 'no launch template or configuration reported',
    },
  ],
});
