import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import { CONFIG_LISTINGS } from '../model/config-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** AWS Config evidence of one region: the recorders and whether they are recording. */
export const configCollector: RegionalServiceCollector = {
  service: 'config',
  async collectRegion(context: RegionContext) {
    const config = context.clients.client(ConfigServiceClient, context.region);
    const [DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus] = await Promise.all([
      context.call('DescribeConfigurationRecorders', CONFIG_LISTINGS.DescribeConfigurationRecorders, (abortSignal) =>
        config.send(new DescribeConfigurationRecordersCommand({}), { abortSignal }),
      ),
      context.call('DescribeConfigurationRecorderStatus', CONFIG_LISTINGS.DescribeConfigurationRecorderStatus, (abortSignal) =>
        config.send(new DescribeConfigurationRecorderStatusCommand({}), { abortSignal }),
      ),
    ]);
    return { DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus };
  },
};
