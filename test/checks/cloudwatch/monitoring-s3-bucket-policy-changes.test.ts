import check from '../../../src/checks/cloudwatch/monitoring-s3-bucket-policy-changes.ts';
import { MONITORING_CONTROLS } from '../../../src/checks/monitoring/controls.ts';
import { testCheck } from '../../support/check-tester.ts';
import { chainCases, monitoringSnapshot, patternWithout } from '../../support/monitoring-builders.ts';

const control = MONITORING_CONTROLS.s3BucketPolicyChanges;
const chain = chainCases(control);

testCheck(check, {
  pass: [
    ...chain.pass,
    {
      name: 'without the eventSource condition (broader)',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control) }),
    },
    {
      name: 'broader: every S3 write',
      snapshot: monitoringSnapshot(control, {
        pattern: '{ ($.eventSource = s3.amazonaws.com) && ($.readOnly IS FALSE) }',
      }),
    },
  ],
  fail: [
    ...chain.fail,
    {
      name: 'narrower: ACL changes left out',
      snapshot: monitoringSnapshot(control, { pattern: patternWithout(control, 'PutBucketAcl') }),
      message: 'misses PutBucketAcl',
    },
  ],
  unknown: chain.unknown,
});
