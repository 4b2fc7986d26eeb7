import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { INSPECTOR2_LISTINGS } from '../model/inspector2-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';

/** Amazon Inspector evidence of one region: the scanned account's status per resource type. */
export const inspector2Collector: RegionalServiceCollector = {
  service: 'inspector2',
  async collectRegion(context: RegionContext) {
    const inspector = context.clients.client(Inspector2Client, context.region);
    const BatchGetAccountStatus = await context.call('BatchGetAccountStatus', INSPECTOR2_LISTINGS.BatchGetAccountStatus, (abortSignal) =>
      inspector.send(new BatchGetAccountStatusCommand({ accountIds: [context.accountId] }), { abortSignal }),
    );
    return { BatchGetAccountStatus };
  },
};
