import check from '../../../src/checks/guardduty/guardduty-s3-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, detectorWith, planRegion } from './plan-builders.ts';

const { Features: _features, ...withoutFeatures } = detectorWith([]);

testCheck(check, {
  pass: [
    {
      name: 'S3_DATA_EVENTS enabled',
      snapshot: planRegion(detectorWith([{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }])),
      message:
        'S3 Protection is enabled on detector 12abc34d567e8fa901bc2d34e56789f0 in ap-northeast-1 (S3_DATA_EVENTS: ENABLED)',
    },
    {
      name: 'a detector that lists no features: DataSources.S3Logs decides',
      snapshot: planRegion(withoutFeatures),
      message: '(S3_DATA_EVENTS: ENABLED)',
    },
  ],
  fail: [
    {
      name: 'S3_DATA_EVENTS disabled (the feature wins over the older data source)',
      snapshot: planRegion(detectorWith([{ Name: 'S3_DATA_EVENTS', Status: 'DISABLED' }])),
      message:
        'S3 Protection is not enabled on detector 12abc34d567e8fa901bc2d34e56789f0 in ap-northeast-1 (S3_DATA_EVENTS: DISABLED)',
    },
    {
      name: 'no feature and S3Logs disabled',
      snapshot: planRegion({ ...withoutFeatures, DataSources: { S3Logs: { Status: 'DISABLED' } } }),
      message: '(S3_DATA_EVENTS: DISABLED)',
    },
  ],
  unknown: PLAN_UNKNOWNS,
});
