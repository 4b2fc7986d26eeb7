import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SSM_LISTINGS } from '../model/ssm-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** Largest page DescribeInstanceInformation accepts (5 to 50). */
const PAGE = 50;

/** Systems Manager evidence of one region: which instances are registered, and whether their agent is online. */
export const ssmCollector: RegionalServiceCollector = {
  service: 'ssm',
  async collectRegion(context: RegionContext) {
    const ssm = context.clients.client(SSMClient, context.region);
    const DescribeInstanceInformation = await context.paginate(
      'DescribeInstanceInformation',
      SSM_LISTINGS.DescribeInstanceInformation,
      'InstanceInformationList',
      (NextToken, abortSignal) => ssm.send(new DescribeInstanceInformationCommand({ NextToken, MaxResults: PAGE }), { abortSignal }),
    );
    return { DescribeInstanceInformation };
  },
};
