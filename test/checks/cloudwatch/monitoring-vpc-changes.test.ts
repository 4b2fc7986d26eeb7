import check from '../../../src/checks/cloudwatch/monitoring-vpc-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.vpcChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 're-spaced',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control).replace(/ \|\| /g, '||') }),
    },
    {
      name: 'broader: every EC2 write naming Vpc',
      snapshot: monitoringSnapshot(control, {
        pattern:
          '{ ($.eventName = *Vpc) || ($.eventName = *VpcAttribute) || ($.eventName = *VpcPeeringConnection) || ($.eventName = *ClassicLinkVpc) || ($.eventName = *VpcClassicLink) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: the ClassicLink calls left out',
      snapshot: monitoringSnapshot(control, {
        pattern: patternWithout(
          control,
          'AttachClassicLinkVpc',
          'DetachClassicLinkVpc',
          'DisableVpcClassicLink',
          'EnableVpcClassicLink',
        ),
      }),
      message: 'misses AttachClassicLinkVpc, DetachClassicLinkVpc, DisableVpcClassicLink, EnableVpcClassicLink',
    },
  ],
  unknown: chain.unknown,
});
