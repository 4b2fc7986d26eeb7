import check from '../../../src/checks/autoscaling/autoscaling-group-multiple-instance-types.ts';
import { testCheck } from '../../support/check-tester.ts';
import { group, GROUPS_DENIED, groups, legacyGroup } from './autoscaling-builders.ts';

const oneType = group('web').MixedInstancesPolicy;
oneType.LaunchTemplate.Overrides = [{ InstanceType: 'm6i.large' }];

testCheck(check, {
  pass: [
    {
      name: 'two types in two zones',
      snapshot: groups(group('web')),
      message: 'web launches instance types m6i.large, m5.large in 2 Availability Zones',
    },
    {
      name: 'attribute-based instance type selection',
      snapshot: groups(
        group('web', {
          MixedInstancesPolicy: {
            LaunchTemplate: {
              LaunchTemplateSpecification: { LaunchTemplateName: 'web', Version: '$Latest' },
              Overrides: [{ InstanceRequirements: { VCpuCount: { Min: 2, Max: 8 }, MemoryMiB: { Min: 4096 } } }],
            },
          },
        }),
      ),
      message: 'instance types chosen by attributes',
    },
  ],
  fail: [
    {
      name: 'a launch configuration (one type)',
      snapshot: groups(legacyGroup('legacy')),
      message: 'legacy has a single instance type (no mixed instances policy)',
    },
    {
      name: 'a mixed instances policy with one type',
      snapshot: groups(group('web', { MixedInstancesPolicy: oneType })),
      message: 'web has 1 instance type in its mixed instances policy',
    },
    {
      name: 'two types but one zone',
      snapshot: groups(group('web', { AvailabilityZones: ['ap-northeast-1a'] })),
      message: 'web has 1 Availability Zone',
    },
  ],
  unknown: [GROUPS_DENIED],
});
