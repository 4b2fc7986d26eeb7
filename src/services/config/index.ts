import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';
import { CONFIG_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';

/** AWS Config evidence of one region: the recorders and whether they are recording. */
export default defineService({
  name: 'config',
  title: 'AWS Config',
  scope: 'regional',
  client: ConfigServiceClient,
  operations: {
    DescribeConfigurationRecorders: {
      command: DescribeConfigurationRecordersCommand,
      response: CONFIG_LISTINGS.DescribeConfigurationRecorders,
      iam: ['config:DescribeConfigurationRecorders'],
    },
    DescribeConfigurationRecorderStatus: {
      command: DescribeConfigurationRecorderStatusCommand,
      response: CONFIG_LISTINGS.DescribeConfigurationRecorderStatus,
      iam: ['config:DescribeConfigurationRecorderStatus'],
    },
  },
});
