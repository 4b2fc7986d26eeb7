import check from '../../../src/checks/cloudtrail/cloudtrail-multi-region-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudtrailSnapshot, HOME, trail } from '../../support/cloudtrail-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'multi-region trail logging',
      snapshot: cloudtrailSnapshot(),
      message: 'multi-region trail main is logging',
    },
  ],
  fail: [
    {
      name: 'trail stopped',
      snapshot: cloudtrailSnapshot({ status: { IsLogging: false } }),
      message: 'is not logging',
    },
    {
      name: 'single-region trail only',
      snapshot: cloudtrailSnapshot({ trails: [trail({ IsMultiRegionTrail: false })] }),
      message: 'only 1 single-region',
    },
    { name: 'no trail', snapshot: cloudtrailSnapshot({ trails: [] }), message: 'no CloudTrail trail at all' },
  ],
  unknown: [
    {
      name: 'GetTrailStatus: TrailNotFoundException',
      snapshot: cloudtrailSnapshot({
        status: awsError('TrailNotFoundException', 'Unknown trail: main for the user: 123456789012'),
      }),
      message: 'TrailNotFoundException on cloudtrail:GetTrailStatus',
    },
    {
      name: 'DescribeTrails denied in every region',
      snapshot: {
        ...cloudtrailSnapshot(),
        cloudtrail: {
          [HOME]: {
            DescribeTrails: awsError(
              'AccessDeniedException',
              'User is not authorized to perform: cloudtrail:DescribeTrails with an explicit deny in a service control policy',
            ),
          },
          'ap-northeast-1': {
            DescribeTrails: awsError('AccessDeniedException', 'explicit deny in a service control policy'),
          },
        },
      },
      message: 'AccessDeniedException on cloudtrail:DescribeTrails',
    },
  ],
});
