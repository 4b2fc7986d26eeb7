import check from '../../../src/checks/guardduty/guardduty-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import { detector, guarddutyRegion, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const gd = (entry: object) => regionalSnapshot({ guardduty: { [REGION]: entry } });

testCheck(check, {
  pass: [
    {
      name: 'an enabled detector with S3 Protection and a malware plan',
      snapshot: gd(guarddutyRegion()),
      message: 'S3 Protection: ENABLED; 1 Malware Protection for S3 plan(s)',
    },
    {
      name: 'S3 Protection off and malware plans not readable are noted, not failed',
      snapshot: gd({
        ...guarddutyRegion(detector('ENABLED', 'DISABLED')),
        ListMalwareProtectionPlans: awsError(
          'AccessDeniedException',
          'not authorized to perform: guardduty:ListMalwareProtectionPlans',
        ),
      }),
      message: 'S3 Protection: DISABLED; Malware Protection for S3 not readable',
    },
  ],
  fail: [
    {
      name: 'no detector in the region',
      snapshot: gd({ ListDetectors: { DetectorIds: [] }, ListMalwareProtectionPlans: { MalwareProtectionPlans: [] } }),
      message: 'GuardDuty has no detector in ap-northeast-1',
    },
    { name: 'a suspended detector', snapshot: gd(guarddutyRegion(detector('DISABLED'))), message: 'is DISABLED' },
  ],
  unknown: [
    {
      name: 'ListDetectors denied',
      snapshot: gd({
        ListDetectors: awsError('AccessDeniedException', 'User is not authorized to perform: guardduty:ListDetectors'),
      }),
      message: 'AccessDeniedException on guardduty:ListDetectors',
    },
    {
      name: 'GetDetector failed',
      snapshot: gd({
        ...guarddutyRegion(),
        GetDetector: { '12abc34d567e8fa901bc2d34e56789f0': awsError('InternalServerErrorException', 'Internal error') },
      }),
      message: 'InternalServerErrorException on guardduty:GetDetector',
    },
    {
      name: 'the region was not collected',
      snapshot: regionalSnapshot({ guardduty: {} }),
      message: 'guardduty:ListDetectors was not collected',
    },
  ],
});
