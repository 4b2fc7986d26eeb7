import check from '../../../src/checks/cloudtrail/cloudtrail-multi-region-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudtrailSnapshot, HOME, MANAGEMENT_ONLY, TRAIL_ARN, trail } from '../../support/cloudtrail-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'multi-region trail logging',
      snapshot: cloudtrailSnapshot(),
      message: 'multi-region trail main is logging management read and write events',
    },
    {
      name: 'basic selector: ReadWriteType All with management events',
      snapshot: cloudtrailSnapshot({ selectors: MANAGEMENT_ONLY }),
    },
    {
      name: 'one write-only trail, one read-write trail',
      snapshot: cloudtrailSnapshot({
        trails: [trail(), trail({ Name: 'writes', TrailARN: `${TRAIL_ARN}-writes` })],
        home: {
          GetEventSelectors: {
            [TRAIL_ARN]: MANAGEMENT_ONLY,
            [`${TRAIL_ARN}-writes`]: {
              TrailARN: `${TRAIL_ARN}-writes`,
              EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }],
            },
          },
        },
      }),
      message: /^multi-region trail main is logging/,
    },
    {
      name: 'advanced selectors: reads and writes in two selectors',
      snapshot: cloudtrailSnapshot({
        selectors: {
          TrailARN: TRAIL_ARN,
          AdvancedEventSelectors: [
            {
              Name: 'reads',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'readOnly', Equals: ['true'] },
              ],
            },
            {
              Name: 'writes',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'readOnly', Equals: ['false'] },
              ],
            },
          ],
        },
      }),
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
    {
      name: 'basic selector: WriteOnly',
      snapshot: cloudtrailSnapshot({
        selectors: {
          TrailARN: TRAIL_ARN,
          EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }],
        },
      }),
      message: 'trail main does not record management read events',
    },
    {
      name: 'basic selector: data events only (IncludeManagementEvents false)',
      snapshot: cloudtrailSnapshot({
        selectors: {
          TrailARN: TRAIL_ARN,
          EventSelectors: [
            {
              ReadWriteType: 'All',
              IncludeManagementEvents: false,
              DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
            },
          ],
        },
      }),
      message: 'does not record management read or write events',
    },
    {
      name: 'advanced selector: management events with readOnly = false only',
      snapshot: cloudtrailSnapshot({
        selectors: {
          TrailARN: TRAIL_ARN,
          AdvancedEventSelectors: [
            {
              Name: 'writes',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'readOnly', Equals: ['false'] },
              ],
            },
          ],
        },
      }),
      message: 'does not record management read events',
    },
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
      name: 'GetEventSelectors denied',
      snapshot: cloudtrailSnapshot({
        selectors: awsError(
          'AccessDeniedException',
          'User: arn:aws:sts::123456789012:assumed-role/auditor/cloudwarden is not authorized to perform: cloudtrail:GetEventSelectors',
        ),
      }),
      message: 'AccessDeniedException on cloudtrail:GetEventSelectors',
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
