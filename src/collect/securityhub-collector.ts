import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SECURITYHUB_LISTINGS } from '../model/securityhub-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** Security Hub evidence of one region; a hub that is not enabled answers `InvalidAccessException` (kept as evidence). */
export const securityhubCollector: RegionalServiceCollector = {
  service: 'securityhub',
  async collectRegion(context: RegionContext) {
    const hub = context.clients.client(SecurityHubClient, context.region);
    const [DescribeHub, GetEnabledStandards] = await Promise.all([
      context.call('DescribeHub', SECURITYHUB_LISTINGS.DescribeHub, (abortSignal) => hub.send(new DescribeHubCommand({}), { abortSignal })),
      context.paginate('GetEnabledStandards', SECURITYHUB_LISTINGS.GetEnabledStandards, 'StandardsSubscriptions', (NextToken, abortSignal) =>
        hub.send(new GetEnabledStandardsCommand({ NextToken, MaxResults: 100 }), { abortSignal }),
      ),
    ]);
    return { DescribeHub, GetEnabledStandards };
  },
};
