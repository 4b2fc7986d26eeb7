import check from '../../../src/checks/cloudtrail/cloudtrail-s3-data-events.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cloudtrailSnapshot, MANAGEMENT_ONLY, TRAIL_ARN, trail } from '../../support/cloudtrail-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const basic = (ReadWriteType: string, Values = ['arn:aws:s3']) => ({
  TrailARN: TRAIL_ARN,
  EventSelectors: [
    {
      ReadWriteType,
      IncludeManagementEvents: true,
      DataResources: [{ Type: 'AWS::S3::Object', Values }],
      ExcludeManagementEventSources: [],
    },
  ],
});
const advanced = (...extra: { Field: string; Equals?: string[]; StartsWith?: string[] }[]) => ({
  TrailARN: TRAIL_ARN,
  AdvancedEventSelectors: [
    {
      Name: 'S3',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ...extra,
      ],
    },
  ],
});

testCheck(check, {
  pass: [
    {
      name: 'advanced selector, all buckets, reads and writes',
      snapshot: cloudtrailSnapshot(),
      message: 'recorded by main',
    },
    { name: 'basic selector arn:aws:s3 ReadWriteType All', snapshot: cloudtrailSnapshot({ selectors: basic('All') }) },
    {
      name: "basic selector arn:aws:s3::: (the console's form)",
      snapshot: cloudtrailSnapshot({ selectors: basic('All', ['arn:aws:s3:::']) }),
    },
  ],
  fail: [
    {
      name: 'management events only (seed 001 precondition missing)',
      snapshot: cloudtrailSnapshot({ selectors: MANAGEMENT_ONLY }),
      message: 'read or write',
    },
    {
      name: 'WriteOnly',
      snapshot: cloudtrailSnapshot({ selectors: basic('WriteOnly') }),
      message: 'S3 object read events',
    },
    {
      name: 'one bucket only (basic)',
      snapshot: cloudtrailSnapshot({ selectors: basic('All', ['arn:aws:s3:::important-bucket/']) }),
    },
    {
      name: 'advanced selector restricted by resources.ARN',
      snapshot: cloudtrailSnapshot({
        selectors: advanced({ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::important-bucket/'] }),
      }),
    },
    {
      name: 'advanced selector readOnly=true only',
      snapshot: cloudtrailSnapshot({ selectors: advanced({ Field: 'readOnly', Equals: ['true'] }) }),
      message: 'write',
    },
    { name: 'the trail recording them is stopped', snapshot: cloudtrailSnapshot({ status: { IsLogging: false } }) },
    {
      name: 'recorded by a single-region trail only',
      snapshot: cloudtrailSnapshot({ trails: [trail({ IsMultiRegionTrail: false })] }),
    },
  ],
  unknown: [
    {
      name: 'GetEventSelectors failed (InvalidTrailNameException)',
      snapshot: cloudtrailSnapshot({
        selectors: awsError('InvalidTrailNameException', 'Trail name or ARN can only contain ...'),
      }),
      message: 'InvalidTrailNameException on cloudtrail:GetEventSelectors',
    },
  ],
});
