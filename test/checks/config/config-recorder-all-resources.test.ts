import check from '../../../src/checks/config/config-recorder-all-resources.ts';
import { testCheck } from '../../support/check-tester.ts';
import { configRegion, REGION, regionalSnapshot } from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const config = (entry: object) => regionalSnapshot({ config: { [REGION]: entry } });
const SELECTED = {
  allSupported: false,
  includeGlobalResourceTypes: false,
  resourceTypes: ['AWS::S3::Bucket'],
  recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
};

testCheck(check, {
  pass: [
    {
      name: 'recording all supported types',
      snapshot: config(configRegion()),
      message: 'recorder default records all supported resource types',
    },
  ],
  fail: [
    {
      name: 'no recorder',
      snapshot: config({
        DescribeConfigurationRecorders: { ConfigurationRecorders: [] },
        DescribeConfigurationRecorderStatus: { ConfigurationRecordersStatus: [] },
      }),
      message: 'no configuration recorder',
    },
    {
      name: 'only selected resource types',
      snapshot: config(configRegion(SELECTED)),
      message: 'records only selected resource types (INCLUSION_BY_RESOURCE_TYPES)',
    },
    { name: 'stopped', snapshot: config(configRegion(undefined, false)), message: 'recorder default is not recording' },
  ],
  unknown: [
    {
      name: 'DescribeConfigurationRecorders denied',
      snapshot: config({
        ...configRegion(),
        DescribeConfigurationRecorders: awsError('AccessDeniedException', 'not authorized'),
      }),
      message: 'AccessDeniedException on config:DescribeConfigurationRecorders',
    },
    {
      name: 'recorder status denied',
      snapshot: config({
        ...configRegion(),
        DescribeConfigurationRecorderStatus: awsError('AccessDeniedException', 'not authorized'),
      }),
      message: 'config:DescribeConfigurationRecorderStatus',
    },
  ],
});
