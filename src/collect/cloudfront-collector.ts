import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DISTRIBUTION_LIST_PAGE } from '../model/cloudfront-schema.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, type PageToken } from './token-pages.ts';

/** CloudFront's `IsTruncated` + `NextMarker`, inside `DistributionList` (the request's `Marker` is echoed back). */
const CLOUDFRONT_MARKER: PageToken = {
  next: (page) => (page.IsTruncated === true && typeof page.NextMarker === 'string' && page.NextMarker !== '' ? page.NextMarker : undefined),
  fields: ['IsTruncated', 'NextMarker', 'Marker'],
};

/**
 * CloudFront distributions (a global service, collected once; see docs/snapshot.md, section cloudfront). The SDK
 * sends every region's client to the one CloudFront endpoint (signed for us-east-1), so the home region serves.
 * Pages are walked inside `DistributionList` and stored as one list.
 */
export const cloudfrontCollector: RegionalServiceCollector = {
  service: 'cloudfront',
  global: true,
  async collectRegion(context: RegionContext) {
    const cloudfront = context.clients.client(CloudFrontClient, context.region);
    const list = (await collectPages(context, 'ListDistributions', DISTRIBUTION_LIST_PAGE, 'Items', CLOUDFRONT_MARKER, async (Marker, abortSignal) => {
      const page = await cloudfront.send(new ListDistributionsCommand({ Marker }), { abortSignal });
      // the page is the inner list; $metadata rides along so retries are still counted
      return { ...page.DistributionList, $metadata: page.$metadata };
    })) as { Items: unknown[] } | { error: unknown } | undefined;
    if (list === undefined || 'error' in list) return { ListDistributions: list };
    return { ListDistributions: { DistributionList: { ...list, Quantity: list.Items.length } } };
  },
};
