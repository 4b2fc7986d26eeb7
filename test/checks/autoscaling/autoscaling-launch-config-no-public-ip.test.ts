import check from '../../../src/checks/autoscaling/autoscaling-launch-config-no-public-ip.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CONFIGURATIONS_DENIED, configurations, launchConfiguration } from './autoscaling-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'AssociatePublicIpAddress false',
      snapshot: configurations(launchConfiguration('web-lc')),
      message: 'web-lc assigns no public IP address',
    },
    {
      name: 'not set: the subnet decides',
      snapshot: configurations(launchConfiguration('web-lc', { AssociatePublicIpAddress: undefined })),
      message: "the subnet's auto-assign setting applies",
    },
  ],
  fail: [
    {
      name: 'AssociatePublicIpAddress true',
      snapshot: configurations(launchConfiguration('legacy-lc', { AssociatePublicIpAddress: true })),
      message: 'legacy-lc assigns a public IP address to every instance',
    },
  ],
  unknown: [CONFIGURATIONS_DENIED],
});
